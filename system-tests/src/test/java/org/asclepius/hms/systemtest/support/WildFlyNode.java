package org.asclepius.hms.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A WildFly node started the way {@code ./hms start --node N} starts one: the provisioned server with its own
 * base directory, port offset, node name and the EAR in deployments/. Used by the cluster test.
 */
public final class WildFlyNode implements AutoCloseable {
    private final String name;
    private final int offset;
    private final Path base;
    private Process process;

    public WildFlyNode(String name, int offset, Path base) {
        this.name = name;
        this.offset = offset;
        this.base = base;
    }

    /** Starts the node with the test run's environment plus the given variables (e.g. another HMS_DB_URL). */
    public WildFlyNode start(String multicastAddress, String clusterName, java.util.Map<String, String> env)
            throws IOException {
        Path home = Path.of(System.getProperty("hms.it.wildfly.home"));
        deleteTree(base);
        copyTree(home.resolve("standalone"), base);
        deleteTree(base.resolve("deployments"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(TestEnvironment.ear(), base.resolve("deployments/hms.ear"), StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "hms.xml",
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.node.name=" + name, "-Djboss.tx.node.id=" + name,
                "-Djboss.default.multicast.address=" + multicastAddress, "-Dhms.cluster.name=" + clusterName)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        pb.environment().put("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true");
        process = pb.start();
        return this;
    }

    public void awaitReady(Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        HttpClient http = HttpClient.newHttpClient();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + base.resolve("console.log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + (9990 + offset) + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + limit);
    }

    public String httpUrl() {
        return "http://localhost:" + (8080 + offset);
    }

    public String serverLog() throws IOException {
        Path log = base.resolve("log/server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the server JVM the hard way (SIGKILL), as a crash or a pulled plug would. */
    public void kill9() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
