package com.authvital.jakarta.cluster;

import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.cluster.app.HazelcastMemberServlet;
import com.authvital.testing.Cluster;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.ClusterApp;
import com.authvital.testing.Deployments;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The two servers of the cluster tests, A and B: the demo on two Open Liberty servers beside the
 * Arquillian test server, pointed at the shared stand-in IdP, sharing a Hazelcast cluster on
 * 127.0.0.1, with a test-only servlet that stops a server's member ({@link HazelcastMemberServlet}).
 * Started once for every test class that uses it, when the first one starts; stopped when the
 * test run ends (or by a shutdown hook). A test gets them as a {@link Servers} parameter; its
 * failures name both servers' logs.
 *
 * <p>Nothing of Arquillian: these tests send their requests to the two servers themselves.
 */
final class TwoServers implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    /** A and B; the Arquillian test server has 9280/9643 unless the build says otherwise. */
    static final ClusterApp.Node A = new ClusterApp.Node("av-cluster-a", 9381, 9741, 5821);
    static final ClusterApp.Node B = new ClusterApp.Node("av-cluster-b", 9382, 9742, 5822);
    /** How often a server's store asks the engine again while it cannot reach it. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
    /** How long two members take at most to find each other, on a loaded machine. */
    private static final Duration CLUSTER_FORMS = Duration.ofSeconds(60);

    /** The two servers, as a test receives them. */
    record Servers(Server a, Server b) {
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TwoServers.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        servers(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Servers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return servers(context);
    }

    /** A failure of a test names the servers' logs, where the module's and Hazelcast's lines are. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Servers servers = servers(context);
        failure.addSuppressed(new ServerLogs("the servers' logs: " + servers.a().log() + " and " + servers.b().log()));
        throw failure;
    }

    /** Only a message, beside a test's failure. */
    private static final class ServerLogs extends Exception {

        private static final long serialVersionUID = 1L;

        ServerLogs(String message) {
            super(message, null, false, false);
        }
    }

    /** Started on first use, closed (both servers stopped) with the root context, at the end of the run. */
    private static Servers servers(ExtensionContext context) {
        Cluster cluster = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Cluster.class, type -> start(), Cluster.class);
        return new Servers(cluster.server(A.name()), cluster.server(B.name()));
    }

    private static Cluster start() {
        long started = System.nanoTime();
        Cluster cluster = ClusterApp.start(Path.of(property("liberty.wlp")),
                Path.of(property("liberty.cluster.server.xml")), Path.of(property("cluster.dir")),
                Deployments.demoForCluster("authvital-demo-cluster", Deployments.idp().baseUrl(), Map.of())
                        .addClass(HazelcastMemberServlet.class),
                List.of(A, B), Map.of("authvital.store.retry-interval", RETRY_INTERVAL.toMillis() + "ms"));
        try {
            for (Server server : cluster.servers()) {
                awaitMembers(server, 2, CLUSTER_FORMS);
            }
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        System.out.printf("Two servers: %s and %s, one Hazelcast cluster, after %.1f s%n", cluster.servers().get(0),
                cluster.servers().get(1), (System.nanoTime() - started) / 1e9);
        return cluster;
    }

    /** Until {@code server}'s member sees a cluster of {@code count}; fails with its log's path after {@code within}. */
    static void awaitMembers(Server server, int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = new TestHttp(server.app()).get("test/hazelcast");
                if (answer.statusCode() == 200) {
                    JsonObject member = json(answer);
                    if (member.getInt("members") == count) {
                        return;
                    }
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (UncheckedIOException e) {
                last = e.toString();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(server + "'s Hazelcast member did not see a cluster of " + count + " within "
                + within.toSeconds() + " s (last: " + last + "); see " + server.log());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.contains("${")) {
            throw new IllegalStateException("the system property '" + name + "' is not set: run the tests through "
                    + "Maven ('mvn verify' passes it), as the pom's failsafe configuration does");
        }
        return value;
    }
}
