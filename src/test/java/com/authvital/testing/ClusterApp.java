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
 * One application on several Open Liberty servers that share what revocation needs through
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
    /** The application's context root in {@code liberty/cluster/server.xml}. */
    public static final String CONTEXT_ROOT = "/demo";

    /** One server: its name under {@code usr/servers} and its three ports on 127.0.0.1. */
    public record Node(String name, int httpPort, int httpsPort, int hazelcastPort) {
    }

    private ClusterApp() {
    }

    /**
     * Writes {@code war} to {@code warDir}, then makes and starts one server per node, each with
     * the store's settings, its member's port, every member's address and then {@code settings}
     * (more system properties, e.g. {@code authvital.store.retry-interval}).
     *
     * @param wlp       the unpacked Open Liberty runtime
     * @param serverXml {@code liberty/cluster/server.xml}
     */
    public static LibertyCluster start(Path wlp, Path serverXml, Path warDir, WebArchive war, List<Node> nodes,
                                       Map<String, String> settings) {
        try {
            Files.createDirectories(warDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path warFile = warDir.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(warFile.toFile(), true);
        String members = nodes.stream().map(node -> "127.0.0.1:" + node.hazelcastPort()).collect(Collectors.joining(","));
        String storeKey = newKey();
        String flowKey = newKey();
        List<LibertyCluster.Spec> specs = nodes.stream().map(node -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("authvital.store", "jcache");
            properties.put("authvital.store.jcache.provider", HAZELCAST_MEMBER_PROVIDER);
            properties.put("authvital.store.jcache.uri", "classpath:" + Deployments.HAZELCAST_CLUSTER_XML);
            // The keys as environment variables, which MicroProfile Config maps to authvital.store.key
            // and authvital.signin.flow-key: not on the command line. A sign-in begun on one server ends on another.
            Map<String, String> secrets = Map.of("AUTHVITAL_STORE_KEY", storeKey, "AUTHVITAL_SIGNIN_FLOW_KEY", flowKey);
            properties.put("authvital.hazelcast.port", String.valueOf(node.hazelcastPort()));
            properties.put("authvital.hazelcast.members", members);
            properties.putAll(settings);
            return new LibertyCluster.Spec(node.name(), node.httpPort(), node.httpsPort(), properties, secrets);
        }).toList();
        return LibertyCluster.start(wlp, serverXml, warFile, CONTEXT_ROOT, specs);
    }

    /** A new AES-256 key in base64, as {@code openssl rand -base64 32} makes one. */
    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
