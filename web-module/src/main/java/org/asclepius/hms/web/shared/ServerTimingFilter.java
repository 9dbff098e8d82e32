package org.asclepius.hms.web.shared;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every page and AJAX response of the screens: the time the server
 * spent on the request from this filter on (Faces, the services, the database, the audit writes), without the
 * network. Browsers show it in their developer tools (Network → Timing) and expose it to scripts as
 * {@code performance.getEntriesByType('navigation')[0].serverTiming}; the bed-board benchmark reads it there.
 *
 * <p>A header must precede the body, so the page is kept in memory until it is complete (pages are far smaller
 * than {@link #MAX_BUFFERED}); a larger response, a redirect or an error goes out as it comes, without the header.
 * Faces resources (scripts, style sheets) are not timed.
 *
 * <p>Code that serves the request may add its own parts with {@link #record}: e.g. the bed board adds
 * {@code board;dur=<ms>}, the time its service call took (query and audit), so that the header tells the service
 * from the rendering of the page.
 */
public class ServerTimingFilter implements Filter {
    /** Beyond this many bytes the response is streamed as usual (and carries no timing). */
    static final int MAX_BUFFERED = 8 * 1024 * 1024;
    static final String HEADER = "Server-Timing";
    /** The request attribute holding the parts recorded by {@link #record} (name → nanoseconds). */
    static final String PARTS = ServerTimingFilter.class.getName() + ".parts";

    /**
     * Adds a part to this request's {@code Server-Timing} header ({@code name;dur=<ms>}; a repeated name adds
     * up). The name is a token (letters, digits, '-', '_'). Does nothing outside a timed request.
     */
    public static void record(ServletRequest request, String name, long nanos) {
        if (request.getAttribute(PARTS) instanceof Map<?, ?> parts) {
            @SuppressWarnings("unchecked")
            Map<String, Long> timed = (Map<String, Long>) parts;
            timed.merge(name, nanos, Long::sum);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)
                || http.getRequestURI().contains("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        Map<String, Long> parts = new LinkedHashMap<>();
        request.setAttribute(PARTS, parts);
        Buffered buffered = new Buffered(out);
        try {
            chain.doFilter(request, buffered);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            buffered.discard(); // the container answers with its error page
            throw e;
        }
        buffered.finish(header(System.nanoTime() - start, parts));
    }

    /** "app;dur=12.3" for a duration in nanoseconds. */
    static String header(long nanos) {
        return header(nanos, Map.of());
    }

    /** "app;dur=12.3, board;dur=4.5": the whole request, then the parts recorded. */
    static String header(long nanos, Map<String, Long> parts) {
        StringBuilder sb = new StringBuilder(part("app", nanos));
        parts.forEach((name, value) -> sb.append(", ").append(part(name, value)));
        return sb.toString();
    }

    private static String part(String name, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.1f", name, nanos / 1_000_000.0);
    }

    /** Holds the body until the request is done, unless it grows too large or the response is sent otherwise. */
    static final class Buffered extends HttpServletResponseWrapper {
        private final HttpServletResponse target;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        private final ServletOutputStream sink = new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Buffered.this.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("blocking output only");
            }
        };
        private boolean streamUsed;
        private PrintWriter writer;
        /** true once the response goes out unbuffered (too large, redirect, error) */
        private boolean passedOn;

        Buffered(HttpServletResponse target) {
            super(target);
            this.target = target;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was already called");
            }
            streamUsed = true;
            return sink;
        }

        @Override
        public PrintWriter getWriter() {
            if (streamUsed) {
                throw new IllegalStateException("getOutputStream() was already called");
            }
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(sink, charset));
            }
            return writer;
        }

        private void write(byte[] b, int off, int len) throws IOException {
            if (!passedOn && body.size() + len > MAX_BUFFERED) {
                passOn();
            }
            if (passedOn) {
                target.getOutputStream().write(b, off, len);
            } else {
                body.write(b, off, len);
            }
        }

        /** From now on the response goes out directly (what was held first). */
        private void passOn() throws IOException {
            passedOn = true;
            if (body.size() > 0) {
                body.writeTo(target.getOutputStream());
                body.reset();
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (passedOn) {
                target.flushBuffer();
            }
        }

        @Override
        public void resetBuffer() {
            if (!passedOn) {
                body.reset();
            }
            target.resetBuffer();
        }

        @Override
        public void reset() {
            if (!passedOn) {
                body.reset();
            }
            target.reset();
        }

        @Override
        public void setContentLength(int len) {
            // the length is set when the held body is written
        }

        @Override
        public void setContentLengthLong(long len) {
            // as above
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            body.reset();
            passedOn = true;
            target.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            body.reset();
            passedOn = true;
            target.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            body.reset();
            passedOn = true;
            target.sendRedirect(location);
        }

        void discard() {
            if (!passedOn) {
                body.reset();
            }
        }

        void finish(String timing) throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (passedOn || target.isCommitted()) {
                return;
            }
            target.setHeader(HEADER, timing);
            target.setContentLength(body.size());
            if (body.size() > 0) {
                body.writeTo(target.getOutputStream());
            }
        }
    }
}
