package org.asclepius.hms.systemtest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Keycloak for the whole test run (the distribution provisioned by wildfly-config, copied under
 * target/ with a fresh database so the demo realm is imported every run) and stops it when the JVM exits.
 * Register it before Arquillian's extension so that Keycloak is up before the server is used.
 *
 * <p>An in-container test may carry it too: Arquillian runs such a class a second time inside the server (with the
 * configuration parameter {@code insideArquillian}), where this extension does nothing; the Keycloak started by
 * the client side serves both.
 */
public class KeycloakServer implements BeforeAllCallback {
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    private static Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (context.getConfigurationParameter("insideArquillian").map(Boolean::parseBoolean).orElse(false)) {
            return;
        }
        ensureStarted();
    }

    public static synchronized void ensureStarted() throws Exception {
        if (process != null && process.isAlive()) {
            return;
        }
        if (isUp()) {
            throw new IllegalStateException("Something already listens on Keycloak's test port "
                    + TestEnvironment.keycloakPort() + "; stop it (the tests need their own, freshly imported realm)");
        }
        Path source = Path.of(System.getProperty("hms.it.keycloak.source"));
        Path home = Path.of(System.getProperty("hms.it.keycloak.home"));
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            WildFlyNode.copyTree(source, home);
        }
        WildFlyNode.deleteTree(home.resolve("data"));
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(TestEnvironment.realmFile(), home.resolve("data/import/hms-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        home.resolve("bin/kc.sh").toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + TestEnvironment.keycloakPort(), "--http-management-port=" + (TestEnvironment.keycloakPort() + 1000),
                "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("keycloak.log").toFile());
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m");
        Instant started = Instant.now();
        process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop));
        while (!isUp()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + home.resolve("keycloak.log"));
            }
            if (Duration.between(started, Instant.now()).toSeconds() > 240) {
                throw new IllegalStateException("Keycloak did not start within 240 s; see " + home.resolve("keycloak.log"));
            }
            Thread.sleep(500);
        }
        LOG.info("Keycloak ready in " + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    static boolean isUp() {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(TestEnvironment.realmUrl() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static synchronized void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
