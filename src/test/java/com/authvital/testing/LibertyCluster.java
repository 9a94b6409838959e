package com.authvital.testing;

import static com.authvital.testing.ClusterSupport.listening;
import static com.authvital.testing.ClusterSupport.tail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Open Liberty servers of one application side by side, run from the build's runtime
 * ({@code target/liberty/wlp}) beside the Arquillian test server: each made from one
 * {@code server.xml} with its own ports and system properties and given the same WAR, all started
 * together ({@code bin/server start}) and stopped together, by {@link #close()} or, when the JVM
 * ends first (Ctrl-C), by a shutdown hook. Everything listens on 127.0.0.1.
 *
 * <p>The two-server tests ({@code com.authvital.jakarta.cluster}) and the two-server demo
 * ({@code mvn -Pdemo-cluster package}) use it. A server's {@code server.xml} reads its ports from
 * {@code default.http.port} and {@code default.https.port} and its WAR from {@code cluster.war},
 * which this class writes into its {@code bootstrap.properties}; the system properties go to its
 * {@code jvm.options}, where MicroProfile Config reads them before the WAR's own settings.
 * {@link WildFlyCluster} does the same on WildFly.
 */
public final class LibertyCluster implements Cluster {

    /** How long a server may take to start and deploy the application on a loaded two-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    /**
     * One server to make.
     *
     * @param name             its name, a directory under {@code usr/servers}
     * @param httpPort         its HTTP port on 127.0.0.1
     * @param httpsPort        its HTTPS port on 127.0.0.1
     * @param systemProperties its JVM's system properties, in its {@code jvm.options}
     * @param environment      its environment variables, in its {@code server.env}: the secrets go
     *                         there, out of the JVM's command line that {@code ps} shows
     */
    public record Spec(String name, int httpPort, int httpsPort, Map<String, String> systemProperties,
                       Map<String, String> environment) {
    }

    private final Path wlp;
    private final List<Server> servers;
    private final Thread stopper = new Thread(this::stopAll, "liberty-cluster-stop");

    private LibertyCluster(Path wlp, List<Server> servers) {
        this.wlp = wlp;
        this.servers = servers;
    }

    /**
     * Makes the servers (each directory written anew: its configuration, no logs of an earlier
     * run), starts them together and waits until each answers 200 at {@code contextRoot + "/"}.
     * A server left running by an earlier run that was killed is stopped first.
     *
     * @param wlp         the unpacked Open Liberty runtime
     * @param serverXml   the {@code server.xml} of every server
     * @param war         the WAR every server runs
     * @param contextRoot where the {@code server.xml} puts it, e.g. {@code /demo}
     * @throws IllegalStateException when a server does not start or its application does not
     *                               answer within 3 minutes; its {@code messages.log} is named
     */
    public static LibertyCluster start(Path wlp, Path serverXml, Path war, String contextRoot, List<Spec> specs) {
        if (!Files.isExecutable(wlp.resolve("bin/server"))) {
            throw new IllegalStateException(wlp + " holds no Open Liberty runtime: 'mvn verify' unpacks it in "
                    + "pre-integration-test, 'mvn liberty:install-server' alone");
        }
        List<Server> servers = specs.stream().map(spec -> new Server(wlp, spec, contextRoot)).toList();
        LibertyCluster cluster = new LibertyCluster(wlp, servers);
        Runtime.getRuntime().addShutdownHook(cluster.stopper); // Ctrl-C still stops them
        try {
            for (Server server : servers) {
                server.write(serverXml, war);
            }
            cluster.everyServer(Server::start);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The servers, in the order of their specs. */
    @Override
    public List<Server> servers() {
        return servers;
    }

    /** Stops every server, together; waits for them. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private void stopAll() {
        everyServer(Server::stop);
    }

    /** Runs {@code action} on every server at once; the first failure is thrown once all are done. */
    private void everyServer(Consumer<Server> action) {
        ClusterSupport.together(servers, server -> "liberty-" + server.name(), action);
    }

    @Override
    public String toString() {
        return "LibertyCluster" + servers + " in " + wlp;
    }

    /** One server of the cluster: where it answers, and its log. */
    public static final class Server implements Cluster.Server {

        private final Path wlp;
        private final Spec spec;
        private final Path dir;
        private final String contextRoot;

        private Server(Path wlp, Spec spec, String contextRoot) {
            this.wlp = wlp;
            this.spec = spec;
            this.dir = wlp.resolve("usr/servers").resolve(spec.name());
            this.contextRoot = contextRoot;
        }

        /** Its name under {@code usr/servers}. */
        @Override
        public String name() {
            return spec.name();
        }

        /** The absolute URL of {@code path} in the application, e.g. {@code url("api/me")}. */
        @Override
        public String url(String path) {
            return "http://127.0.0.1:" + spec.httpPort() + contextRoot + "/" + path;
        }

        /** Its {@code messages.log}, where the module's and Hazelcast's log lines land. */
        @Override
        public Path log() {
            return dir.resolve("logs/messages.log");
        }

        /** Its directory: a new {@code server.xml}, {@code bootstrap.properties}, {@code jvm.options} and {@code server.env}, no old logs. */
        private void write(Path serverXml, Path war) {
            try {
                Files.createDirectories(dir);
                ClusterSupport.deleteRecursively(dir.resolve("logs"));
                Files.copy(serverXml, dir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(dir.resolve("bootstrap.properties"), String.join("\n",
                        "# Written by LibertyCluster at each start.",
                        "default.http.port=" + spec.httpPort(),
                        "default.https.port=" + spec.httpsPort(),
                        "cluster.war=" + war.toAbsolutePath().toString().replace("\\", "/"),
                        ""));
                Files.writeString(dir.resolve("jvm.options"), "# Written by LibertyCluster at each start.\n"
                        + spec.systemProperties().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("\n", "", "\n")));
                Files.writeString(dir.resolve("server.env"), "# Written by LibertyCluster at each start.\n"
                        + spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("\n", "", "\n")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the server " + dir, e);
            }
        }

        private void start() {
            if (Files.exists(pidFile()) || listening(spec.httpPort())) {
                stop(); // left running by a run that was killed
            }
            for (int port : List.of(spec.httpPort(), spec.httpsPort())) {
                if (listening(port)) {
                    throw new IllegalStateException("127.0.0.1:" + port + " is taken, by something other than "
                            + name() + ": stop it, or choose other ports");
                }
            }
            String out = run("start");
            awaitApplication(out);
        }

        private void stop() {
            run("stop");
        }

        private Path pidFile() {
            return wlp.resolve("usr/servers/.pid").resolve(name() + ".pid");
        }

        /** {@code bin/server <action> <name>} with this JVM's Java; answers what it printed. */
        private String run(String action) {
            ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name())
                    .redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            try {
                Process process = builder.start();
                // Small, and read to the end: the script exits once the server has started or stopped.
                CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "(its output could not be read: " + e + ")";
                    }
                });
                Duration timeout = action.equals("start") ? START_TIMEOUT : STOP_TIMEOUT;
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("'server " + action + " " + name() + "' did not finish within "
                            + timeout.toSeconds() + " s; see " + log());
                }
                String printed = output.join();
                if (process.exitValue() != 0 && action.equals("start")) {
                    throw new IllegalStateException("'server start " + name() + "' exited with " + process.exitValue()
                            + ":\n" + printed + "\nsee " + log());
                }
                return printed;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + wlp.resolve("bin/server"), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running 'server " + action + " " + name() + "'", e);
            }
        }

        /** Until the application's root answers 200: the server has started, but it may still be deploying. */
        private void awaitApplication(String startOutput) {
            URI probe = URI.create(url(""));
            String last = ClusterSupport.awaitOk(probe, START_TIMEOUT);
            if (last != null) {
                throw new IllegalStateException(probe + " of " + name() + " did not answer 200 within "
                        + START_TIMEOUT.toSeconds() + " s (" + last + "); 'server start' printed:\n" + startOutput
                        + "\nsee " + log() + "; its end:\n" + tail(log(), 30));
            }
        }

        @Override
        public String toString() {
            return name() + " (127.0.0.1:" + spec.httpPort() + ")";
        }
    }
}
