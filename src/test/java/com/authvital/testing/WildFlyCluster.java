package com.authvital.testing;

import static com.authvital.testing.ClusterSupport.listening;
import static com.authvital.testing.ClusterSupport.tail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * WildFly servers of one application side by side, run from one unpacked WildFly (the build's
 * {@code target/wildfly/wildfly-<version>}, which Arquillian's test server runs from too): each its
 * own server base directory ({@code -Djboss.server.base.dir}) with a copy of that WildFly's
 * {@code standalone/configuration}, {@code standalone-microprofile.xml}, its own port offset and
 * system properties, and the same WARs in its {@code deployments} directory. All started together
 * ({@code bin/standalone.sh}, a child of this JVM) and stopped together, by {@link #close()} or,
 * when the JVM ends first (Ctrl-C), by a shutdown hook. Everything listens on 127.0.0.1.
 *
 * <p>What {@link LibertyCluster} does on Open Liberty. The two-server tests
 * ({@code com.authvital.jakarta.cluster}) use it when they run on WildFly, one WAR on two
 * servers; the WildFly load benchmark ({@code com.authvital.bench.WildFlyBench}) several WARs on
 * one server, its configuration set by management operations of its own.
 */
public final class WildFlyCluster implements Cluster {

    /** The configuration every server runs: WildFly's own with MicroProfile Config and REST Client. */
    public static final String SERVER_CONFIG = "standalone-microprofile.xml";
    /** WildFly's HTTP port before the offset. */
    public static final int HTTP_PORT = 8080;
    /** WildFly's HTTPS port before the offset. */
    public static final int HTTPS_PORT = 8443;
    /** WildFly's management port before the offset. */
    public static final int MANAGEMENT_PORT = 9990;

    /** How long a server may take to start and deploy the application on a loaded two-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    /**
     * One server to make.
     *
     * @param name             its name, the directory of its server base under the cluster's directory
     * @param portOffset       {@code jboss.socket.binding.port-offset}: every port of its configuration moves by it
     * @param systemProperties its JVM's system properties, in a file given to {@code standalone.sh --properties}
     * @param environment      its environment variables: the secrets go there, out of the JVM's
     *                         command line that {@code ps} shows
     */
    public record Spec(String name, int portOffset, Map<String, String> systemProperties,
                       Map<String, String> environment) {

        /** Its HTTP port on 127.0.0.1. */
        public int httpPort() {
            return HTTP_PORT + portOffset;
        }
    }

    /**
     * One WAR every server deploys.
     *
     * @param contextRoot its context root, e.g. {@code /demo}: WildFly takes it from the file's
     *                    name, so the WAR is deployed as {@code demo.war}
     * @param war         the WAR file
     * @param probe       a path under the context root that answers 200 once the application is up
     *                    ({@code ""}: the context root itself)
     */
    public record Deployment(String contextRoot, Path war, String probe) {
    }

    private final Path home;
    private final List<Server> servers;
    private final Thread stopper = new Thread(this::stopAll, "wildfly-cluster-stop");

    private WildFlyCluster(Path home, List<Server> servers) {
        this.home = home;
        this.servers = servers;
    }

    /**
     * Makes the servers (each base directory written anew: configuration, deployments, no logs or
     * data of an earlier run), starts them together and waits until each has deployed the WAR and
     * answers 200 at {@code contextRoot + "/"}. A server left running by an earlier run that was
     * killed is stopped first.
     *
     * @param home        the unpacked WildFly, its {@code standalone/configuration} already set up
     *                    by {@code wildfly/test-server.cli} (the build does it in pre-integration-test)
     * @param dir         where the servers' base directories are made, one per spec
     * @param war         the WAR every server runs
     * @param contextRoot its context root, e.g. {@code /demo}: WildFly takes it from the file's name
     * @throws IllegalStateException when a server does not start, fails the deployment or does not
     *                               answer within 3 minutes; its {@code server.log} is named
     */
    public static WildFlyCluster start(Path home, Path dir, Path war, String contextRoot, List<Spec> specs) {
        return start(home, dir, List.of(new Deployment(contextRoot, war, "")), List.of(), specs);
    }

    /**
     * The same with several WARs, each deployed under its own context root and probed at its own
     * path, and {@code operations}: management operations (CLI syntax) run offline, on an
     * embedded server, against each server's own copy of the configuration before it starts; they
     * must leave {@code integrated-jaspi} off, as {@code wildfly/test-server.cli} does. The first
     * deployment's context root is the one {@link Server#url} answers under.
     *
     * @param home the unpacked WildFly; its configuration set up by {@code wildfly/test-server.cli},
     *             or as shipped when {@code operations} do what the servers need
     */
    public static WildFlyCluster start(Path home, Path dir, List<Deployment> deployments, List<String> operations,
                                       List<Spec> specs) {
        if (!Files.isExecutable(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(home + " holds no WildFly: 'mvn verify -Pwildfly' unpacks it in "
                    + "pre-integration-test");
        }
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("no deployment: a server needs a WAR to be ready");
        }
        List<Server> servers = specs.stream()
                .map(spec -> new Server(home, dir.toAbsolutePath().resolve(spec.name()), spec, deployments)).toList();
        WildFlyCluster cluster = new WildFlyCluster(home, servers);
        Runtime.getRuntime().addShutdownHook(cluster.stopper); // Ctrl-C still stops them
        try {
            for (Server server : servers) {
                server.write(operations);
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

    private void everyServer(Consumer<Server> action) {
        ClusterSupport.together(servers, server -> "wildfly-" + server.name(), action);
    }

    @Override
    public String toString() {
        return "WildFlyCluster" + servers + " from " + home;
    }

    /** One server of the cluster: where it answers, its log, its process. */
    public static final class Server implements Cluster.Server {

        private final Path home;
        private final Path base;
        private final Spec spec;
        private final List<Deployment> deployments;
        private volatile Process process;

        private Server(Path home, Path base, Spec spec, List<Deployment> deployments) {
            this.home = home;
            this.base = base;
            this.spec = spec;
            this.deployments = deployments;
        }

        /** Its name, the directory of its server base. */
        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public String url(String path) {
            return url(deployments.get(0), path);
        }

        private String url(Deployment deployment, String path) {
            return "http://127.0.0.1:" + spec.httpPort() + deployment.contextRoot() + "/" + path;
        }

        /**
         * The server's JVM, from the pid file {@code standalone.sh} writes (the script's own
         * process is its parent); empty before it started or after it ended.
         */
        public Optional<ProcessHandle> jvm() {
            try {
                return ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Its {@code log/server.log}, where the module's and Hazelcast's log lines land. */
        @Override
        public Path log() {
            return base.resolve("log/server.log");
        }

        /** What {@code standalone.sh} and the server print: the same lines as the log, and the JVM's own. */
        private Path console() {
            return base.resolve("console.log");
        }

        private Path pidFile() {
            return base.resolve("server.pid");
        }

        /** A WAR's name in {@code deployments}: WildFly makes the context root of it. */
        private Path deployed(Deployment deployment) {
            return base.resolve("deployments").resolve(deployment.contextRoot().substring(1) + ".war");
        }

        /**
         * Its server base anew: WildFly's configuration with no deployment in it, changed by
         * {@code operations}, the WARs in {@code deployments}, its system properties in
         * {@code cluster.properties}.
         */
        private void write(List<String> operations) {
            stopLeftOver();
            try {
                ClusterSupport.deleteRecursively(base);
                Path configuration = Files.createDirectories(base.resolve("configuration"));
                // Only the files: standalone_xml_history is each server's own.
                try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(file, configuration.resolve(file.getFileName()));
                    }
                }
                Path config = configuration.resolve(SERVER_CONFIG);
                // Arquillian's test server runs from the same configuration and records its deployment
                // there while one is deployed; that deployment's content is in its own data directory.
                Files.writeString(config, Files.readString(config, StandardCharsets.UTF_8)
                        .replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""), StandardCharsets.UTF_8);
                if (!operations.isEmpty()) {
                    manage(operations);
                }
                String xml = Files.readString(config, StandardCharsets.UTF_8);
                if (!xml.contains("integrated-jaspi=\"false\"")) {
                    throw new IllegalStateException(home.resolve("standalone/configuration").resolve(SERVER_CONFIG)
                            + " is WildFly's as shipped, not set up by wildfly/test-server.cli: run the tests through"
                            + " 'mvn verify -Pwildfly', which runs that script in pre-integration-test");
                }
                Files.createDirectories(base.resolve("deployments"));
                for (Deployment deployment : deployments) {
                    Files.copy(deployment.war(), deployed(deployment));
                }
                Properties properties = new Properties();
                // Each server its own transaction node id, as WildFly asks of servers side by side (WFLYTX0013).
                properties.put("jboss.tx.node.id", name());
                properties.putAll(spec.systemProperties());
                StringWriter text = new StringWriter();
                properties.store(text, "Written by WildFlyCluster at each start");
                Files.writeString(base.resolve("cluster.properties"), text.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the server base " + base, e);
            }
        }

        /**
         * Runs {@code operations} on an embedded server over this base's configuration
         * ({@code jboss-cli.sh}, offline: nothing listens), from a script in the base.
         */
        private void manage(List<String> operations) throws IOException {
            Path script = base.resolve("configure.cli");
            List<String> lines = new ArrayList<>();
            lines.add("embed-server --server-config=" + SERVER_CONFIG + " --std-out=discard");
            lines.addAll(operations);
            lines.add("stop-embedded-server");
            Files.write(script, lines, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(),
                    "-Djboss.server.base.dir=" + base, "--file=" + script).redirectErrorStream(true)
                    .redirectOutput(base.resolve("configure.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process cli = builder.start();
            try {
                if (!cli.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    cli.destroyForcibly();
                    throw new IllegalStateException(name() + ": " + script + " did not finish within "
                            + START_TIMEOUT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                cli.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (cli.exitValue() != 0) {
                throw new IllegalStateException(name() + ": " + script + " failed (" + cli.exitValue() + "); its output:\n"
                        + tail(base.resolve("configure.log"), 30));
            }
        }

        private void start() {
            List<Integer> ports = List.of(spec.httpPort(), HTTPS_PORT + spec.portOffset(),
                    MANAGEMENT_PORT + spec.portOffset());
            for (int port : ports) {
                if (listening(port)) {
                    throw new IllegalStateException("127.0.0.1:" + port + " is taken, by something other than "
                            + name() + ": stop it, or choose another port offset than " + spec.portOffset());
                }
            }
            List<String> command = List.of(home.resolve("bin/standalone.sh").toString(),
                    "-c", SERVER_CONFIG,
                    "-Djboss.server.base.dir=" + base,
                    "-Djboss.socket.binding.port-offset=" + spec.portOffset(),
                    "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                    "--properties=" + base.resolve("cluster.properties").toUri());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(console().toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // The script runs the server in the background and passes a SIGTERM on to it; in the
            // foreground, the server would outlive a script that is stopped.
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
            builder.environment().put("JBOSS_PIDFILE", pidFile().toString());
            builder.environment().putAll(spec.environment());
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command.get(0), e);
            }
            awaitDeployment();
        }

        /**
         * Until the deployment scanner marks every WAR deployed and each answers 200 at its probe;
         * fails at once when it marks one failed or the server ends.
         */
        private void awaitDeployment() {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            for (Deployment deployment : deployments) {
                awaitMarker(deployed(deployment), deadline);
            }
            for (Deployment deployment : deployments) {
                URI probe = URI.create(url(deployment, deployment.probe()));
                String last = ClusterSupport.awaitOk(probe, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))
                        .plusSeconds(10));
                if (last != null) {
                    throw new IllegalStateException(probe + " of " + name() + " did not answer 200 (" + last + "); see "
                            + log() + "; its end:\n" + tail(log(), 30));
                }
            }
        }

        private void awaitMarker(Path war, long deadline) {
            Path deployed = Path.of(war + ".deployed");
            Path failed = Path.of(war + ".failed");
            while (!Files.exists(deployed)) {
                if (Files.exists(failed)) {
                    throw new IllegalStateException(name() + " failed to deploy " + war.getFileName() + ": "
                            + read(failed) + "\nsee " + log() + "; its end:\n" + tail(log(), 30));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name() + " ended (" + process.exitValue() + ") before it deployed "
                            + war.getFileName() + "; see " + console() + "; its end:\n" + tail(console(), 30));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name() + " did not deploy " + war.getFileName()
                            + " within " + START_TIMEOUT.toSeconds() + " s; see " + log() + "; its end:\n"
                            + tail(log(), 30));
                }
                ClusterSupport.sleep(Duration.ofMillis(250));
            }
        }

        /** Stops the server (SIGTERM: WildFly shuts down gracefully), forcibly after a minute; waits for it. */
        private synchronized void stop() {
            if (process == null) {
                return;
            }
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            awaitEnd(all);
            process = null;
        }

        /**
         * Stops a server of this base left running by an earlier run that was killed (its shutdown
         * hook never ran): the process in the pid file {@code standalone.sh} wrote, if it still runs
         * with this base directory.
         */
        private void stopLeftOver() {
            if (!Files.exists(pidFile())) {
                return;
            }
            Optional<ProcessHandle> leftOver;
            try {
                leftOver = ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim()))
                        .filter(p -> p.info().commandLine().map(line -> line.contains(base.toString())).orElse(false));
            } catch (IOException | NumberFormatException e) {
                return; // no pid: nothing to stop
            }
            leftOver.ifPresent(p -> {
                p.destroy();
                awaitEnd(List.of(p));
            });
        }

        private static void awaitEnd(List<ProcessHandle> processes) {
            for (ProcessHandle each : processes) {
                try {
                    each.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    each.destroyForcibly();
                    each.onExit().join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    each.destroyForcibly();
                }
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(" + file + " cannot be read: " + e + ")";
            }
        }

        @Override
        public String toString() {
            return name() + " (127.0.0.1:" + spec.httpPort() + ")";
        }
    }
}
