package com.authvital.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One application on several Open Liberty or WildFly servers that share what revocation needs through
 * {@code authvital.store=jcache}: a Hazelcast member embedded in each server's application
 * ({@code hazelcast-cluster.xml}, made by {@link Deployments#demoForCluster}), the members
 * finding each other on 127.0.0.1 at the listed ports. Each server gets the store's settings as
 * system properties, the same store key and sign-in flow key on all of them as environment
 * variables (made for this run: nothing secret is written into the repository, nor shown on a
 * command line), and its own member port.
 */
public final class ClusterApp {

    /** The JCache provider of an embedded Hazelcast member. */
    public static final String HAZELCAST_MEMBER_PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";
    /** The application's context root: in {@code liberty/cluster/server.xml}, and the WAR's name on WildFly. */
    public static final String CONTEXT_ROOT = "/demo";

    /** One server: its name (under {@code usr/servers}, or its WildFly server base) and its three ports on 127.0.0.1. */
    public record Node(String name, int httpPort, int httpsPort, int hazelcastPort) {

        /** A WildFly server whose ports are WildFly's own moved by {@code portOffset}, and its member's port. */
        public static Node wildFly(String name, int portOffset, int hazelcastPort) {
            return new Node(name, WildFlyCluster.HTTP_PORT + portOffset, WildFlyCluster.HTTPS_PORT + portOffset,
                    hazelcastPort);
        }
    }

    /** What one server is given: system properties, and the secrets as environment variables. */
    private record Settings(Node node, Map<String, String> properties, Map<String, String> environment) {
    }

    private ClusterApp() {
    }

    /**
     * Writes {@code war} to {@code warDir}, then makes and starts one Open Liberty server per node,
     * each with the store's settings, its member's port, every member's address and then
     * {@code settings} (more system properties, e.g. {@code authvital.store.retry-interval}).
     *
     * @param wlp       the unpacked Open Liberty runtime
     * @param serverXml {@code liberty/cluster/server.xml}
     */
    public static LibertyCluster start(Path wlp, Path serverXml, Path warDir, WebArchive war, List<Node> nodes,
                                       Map<String, String> settings) {
        Path warFile = export(war, warDir);
        List<LibertyCluster.Spec> specs = settings(nodes, settings).stream()
                .map(node -> new LibertyCluster.Spec(node.node().name(), node.node().httpPort(),
                        node.node().httpsPort(), node.properties(), node.environment()))
                .toList();
        return LibertyCluster.start(wlp, serverXml, warFile, CONTEXT_ROOT, specs);
    }

    /**
     * The same on WildFly: writes {@code war} to {@code dir}, then makes and starts one WildFly
     * server per node, its server base in {@code dir}, with the same settings as
     * {@link #start(Path, Path, Path, WebArchive, List, Map) start} gives an Open Liberty server.
     *
     * @param home  the unpacked WildFly, set up by {@code wildfly/test-server.cli}
     * @param nodes made by {@link Node#wildFly}: a WildFly server's ports move together
     */
    public static WildFlyCluster startOnWildFly(Path home, Path dir, WebArchive war, List<Node> nodes,
                                                Map<String, String> settings) {
        Path warFile = export(war, dir);
        List<WildFlyCluster.Spec> specs = settings(nodes, settings).stream().map(node -> {
            int offset = node.node().httpPort() - WildFlyCluster.HTTP_PORT;
            if (node.node().httpsPort() != WildFlyCluster.HTTPS_PORT + offset) {
                throw new IllegalArgumentException(node.node() + ": on WildFly, the HTTPS port is "
                        + (WildFlyCluster.HTTPS_PORT + offset) + " with that HTTP port; make it with Node.wildFly");
            }
            return new WildFlyCluster.Spec(node.node().name(), offset, node.properties(), node.environment());
        }).toList();
        return WildFlyCluster.start(home, dir, warFile, CONTEXT_ROOT, specs);
    }

    private static Path export(WebArchive war, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path warFile = dir.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(warFile.toFile(), true);
        return warFile;
    }

    /**
     * Each node's system properties: the store's settings, its member's port, every member's
     * address, then {@code settings}; and the same store key and sign-in flow key for all, made now.
     */
    private static List<Settings> settings(List<Node> nodes, Map<String, String> settings) {
        String members = nodes.stream().map(node -> "127.0.0.1:" + node.hazelcastPort()).collect(Collectors.joining(","));
        // The keys as environment variables, which MicroProfile Config maps to authvital.store.key
        // and authvital.signin.flow-key: not on the command line. A sign-in begun on one server ends on another.
        Map<String, String> secrets = Map.of("AUTHVITAL_STORE_KEY", newKey(), "AUTHVITAL_SIGNIN_FLOW_KEY", newKey());
        return nodes.stream().map(node -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("authvital.store", "jcache");
            properties.put("authvital.store.jcache.provider", HAZELCAST_MEMBER_PROVIDER);
            properties.put("authvital.store.jcache.uri", "classpath:" + Deployments.HAZELCAST_CLUSTER_XML);
            properties.put("authvital.hazelcast.port", String.valueOf(node.hazelcastPort()));
            properties.put("authvital.hazelcast.members", members);
            // Each server's telemetry its own series at the collector, when it exports any.
            properties.put("otel.service.name", node.name());
            properties.putAll(settings);
            return new Settings(node, properties, secrets);
        }).toList();
    }

    /** A new AES-256 key in base64, as {@code openssl rand -base64 32} makes one. */
    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
