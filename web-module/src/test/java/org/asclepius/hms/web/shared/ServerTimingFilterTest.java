package org.asclepius.hms.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Server-Timing filter against a small in-memory response: the header comes before the body, the body is
 * passed on unchanged, and what cannot carry a header (a redirect, an error, a huge body) goes out as usual.
 */
class ServerTimingFilterTest {

    /** An HTTP response in memory: headers, status, body; committed once the body is written. */
    static final class Response {
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        String redirect;
        boolean committed;
        String encoding = "UTF-8";
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, method, args) -> switch (method.getName()) {
                    case "setHeader" -> {
                        if (!committed) {
                            headers.put((String) args[0], (String) args[1]);
                        }
                        yield null;
                    }
                    case "setContentLength" -> {
                        headers.put("Content-Length", String.valueOf(args[0]));
                        yield null;
                    }
                    case "getCharacterEncoding" -> encoding;
                    case "isCommitted" -> committed;
                    case "sendError" -> {
                        status = (Integer) args[0];
                        committed = true;
                        yield null;
                    }
                    case "sendRedirect" -> {
                        redirect = (String) args[0];
                        committed = true;
                        yield null;
                    }
                    case "getOutputStream" -> new ServletOutputStream() {
                        @Override
                        public void write(int b) {
                            committed = true;
                            body.write(b);
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                        }
                    };
                    default -> null;
                });
    }

    /** A request with its URI and attributes. */
    private static HttpServletRequest request(String uri) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(ServerTimingFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    @Test
    void partsRecordedWhileServing_followTheWhole() throws Exception {
        Response response = new Response();
        new ServerTimingFilter().doFilter(request("/hms/inpatient/bed-board.xhtml"), response.proxy, (req, res) -> {
            ServerTimingFilter.record(req, "board", 2_000_000);
            ServerTimingFilter.record(req, "board", 1_000_000);
            res.getWriter().write("ok");
        });
        assertThat(response.headers.get("Server-Timing")).matches("app;dur=\\d+\\.\\d, board;dur=3\\.0");
    }

    @Test
    void aPage_getsTheHeaderBeforeItsBody_unchanged() throws Exception {
        Response response = new Response();
        FilterChain chain = (req, res) -> {
            res.getWriter().write("<html>Grüße ");
            res.flushBuffer(); // Faces flushes: nothing may be committed yet
            res.getWriter().write("und mehr</html>");
        };
        new ServerTimingFilter().doFilter(request("/hms/inpatient/bed-board.xhtml"), response.proxy, chain);
        assertThat(response.headers.get("Server-Timing")).matches("app;dur=\\d+\\.\\d");
        assertThat(response.body.toString(StandardCharsets.UTF_8)).isEqualTo("<html>Grüße und mehr</html>");
        assertThat(response.headers.get("Content-Length"))
                .isEqualTo(String.valueOf("<html>Grüße und mehr</html>".getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void redirectsErrorsResourcesAndHugeBodies_goOutAsUsual() throws Exception {
        Response redirected = new Response();
        new ServerTimingFilter().doFilter(request("/hms/x.xhtml"), redirected.proxy,
                (req, res) -> ((HttpServletResponse) res).sendRedirect("/hms/y.xhtml"));
        assertThat(redirected.redirect).isEqualTo("/hms/y.xhtml");
        assertThat(redirected.headers).doesNotContainKey("Server-Timing");

        Response failed = new Response();
        new ServerTimingFilter().doFilter(request("/hms/x.xhtml"), failed.proxy,
                (req, res) -> ((HttpServletResponse) res).sendError(404));
        assertThat(failed.status).isEqualTo(404);
        assertThat(failed.headers).doesNotContainKey("Server-Timing");

        Response script = new Response();
        new ServerTimingFilter().doFilter(request("/hms/jakarta.faces.resource/core.js.xhtml"), script.proxy,
                (req, res) -> res.getOutputStream().write(new byte[] {1, 2, 3}));
        assertThat(script.headers).doesNotContainKey("Server-Timing");
        assertThat(script.body.toByteArray()).containsExactly(1, 2, 3);

        Response huge = new Response();
        byte[] big = new byte[ServerTimingFilter.MAX_BUFFERED + 10];
        new ServerTimingFilter().doFilter(request("/hms/x.xhtml"), huge.proxy, (req, res) -> {
            res.getOutputStream().write(big, 0, 100);
            res.getOutputStream().write(big, 100, big.length - 100);
        });
        assertThat(huge.body.size()).isEqualTo(big.length);
        assertThat(huge.headers).doesNotContainKey("Server-Timing");
    }

    @Test
    void header_isMillisecondsWithOneDecimal_andCarriesTheRecordedParts() throws IOException {
        assertThat(ServerTimingFilter.header(12_345_678)).isEqualTo("app;dur=12.3");
        assertThat(ServerTimingFilter.header(0)).isEqualTo("app;dur=0.0");
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("board", 4_560_000L);
        assertThat(ServerTimingFilter.header(12_345_678, parts)).isEqualTo("app;dur=12.3, board;dur=4.6");
    }
}
