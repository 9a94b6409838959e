package com.authvital.jakarta.cluster;

import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.cluster.app.HazelcastMemberServlet;
import com.authvital.testing.Cluster;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.ClusterApp;
import com.authvital.testing.ClusterApp.Node;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInWebhooks;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The two servers of the cluster tests, A and B: the demo on two servers of the kind the other
 * container tests run on (WildFly when the system property {@code test.server} is
 * {@code wildfly}, as {@code -Pwildfly} sets it; Open Liberty otherwise), beside the Arquillian
 * test server, pointed at the shared stand-in IdP, sharing a Hazelcast cluster on 127.0.0.1,
 * with a test-only servlet that stops a server's member ({@link HazelcastMemberServlet}). On Open
 * Liberty they have MicroProfile Health and Telemetry ({@code liberty/cluster/server.xml}), the
 * telemetry exported to the stand-in collector ({@link Deployments#telemetryExport()}).
 * Started once for every test class that uses it, when the first one starts; stopped when the
 * test run ends (or by a shutdown hook). A test gets them as a {@link Servers} parameter; its
 * failures name both servers' logs.
 *
 * <p>Their ports, on 127.0.0.1: on Open Liberty A has 9381 and 9741, B 9382 and 9742; on WildFly
 * A has WildFly's own moved by 400 (8480, 8843, management 10390), B by 500 (8580, 8943, 10490);
 * their members 5821 and 5822. The system property {@value #PORT_SHIFT} moves all of them by as
 * much (e.g. {@code -Dcluster.port.shift=1000}, beside another build running on the same machine).
 *
 * <p>Nothing of Arquillian: these tests send their requests to the two servers themselves.
 */
final class TwoServers implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    /** The system property that moves every port of A and B by as much; 0 unless set. */
    static final String PORT_SHIFT = "cluster.port.shift";
    private static final boolean ON_WILDFLY = "wildfly".equals(System.getProperty("test.server"));
    private static final int SHIFT = Integer.getInteger(PORT_SHIFT, 0);
    /**
     * A and B, clear of the Arquillian test server's ports: on Open Liberty 9280 and 9643, on
     * WildFly its own moved by 300 (8380, 8743, management 10290), unless the build says otherwise.
     */
    static final Node A = ON_WILDFLY ? Node.wildFly("av-cluster-a", 400 + SHIFT, 5821 + SHIFT)
            : new Node("av-cluster-a", 9381 + SHIFT, 9741 + SHIFT, 5821 + SHIFT);
    static final Node B = ON_WILDFLY ? Node.wildFly("av-cluster-b", 500 + SHIFT, 5822 + SHIFT)
            : new Node("av-cluster-b", 9382 + SHIFT, 9742 + SHIFT, 5822 + SHIFT);
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
        // The stand-in's webhook key is in its JWKS from the first registration on: made before the
        // servers fetch the keys, it is among theirs at once (else a refetch interval later).
        StandInWebhooks webhooks = new StandInWebhooks(Deployments.idp().baseUrl());
        webhooks.register("http://127.0.0.1:9/nowhere");
        webhooks.forget();
        WebArchive war = Deployments.demoForCluster("authvital-demo-cluster", Deployments.idp().baseUrl(), Map.of())
                .addClass(HazelcastMemberServlet.class);
        Map<String, String> settings = new java.util.LinkedHashMap<>(Deployments.telemetryExport());
        settings.put("authvital.store.retry-interval", RETRY_INTERVAL.toMillis() + "ms");
        // AuthVital's events reach both through A's receiver (ClusterEventsIT).
        settings.put("authvital.events.path", "/authvital/events");
        settings.put("authvital.application-id", StandInWebhooks.APPLICATION_ID);
        Cluster cluster = ON_WILDFLY
                ? ClusterApp.startOnWildFly(Path.of(property("wildfly.home")), Path.of(property("cluster.dir")), war,
                        List.of(A, B), settings)
                : ClusterApp.start(Path.of(property("liberty.wlp")), Path.of(property("liberty.cluster.server.xml")),
                        Path.of(property("cluster.dir")), war, List.of(A, B), settings);
        try {
            for (Server server : cluster.servers()) {
                awaitMembers(server, 2, CLUSTER_FORMS);
            }
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        System.out.printf("Two %s servers: %s and %s, one Hazelcast cluster, after %.1f s%n",
                ON_WILDFLY ? "WildFly" : "Open Liberty", cluster.servers().get(0),
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
