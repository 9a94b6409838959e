package com.authvital.bench;

import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.testing.Deployments;
import com.hazelcast.core.Hazelcast;
import java.io.File;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmark's WARs, {@link HelloServlet} in each. The module's two are built with the
 * tests' deployment factory (the module as a jar in {@code WEB-INF/lib}, as users ship it), the
 * filter mapped by the module itself from {@code authvital.filter.url-patterns}:
 * {@link #module} at {@code /bench} (also {@link ListComparisonServlet} and, for the
 * diagnosis, {@link PassThroughFilter}), {@link #moduleOnJCache} at {@code /bench-jcache} (the
 * same on the JCache store, an embedded Hazelcast member in the WAR) and
 * {@link #moduleWithoutTokenCache} at {@code /bench-nocache}; with the server's telemetry on
 * ({@code LibertyBench --telemetry true}), also {@link #moduleWithoutTelemetry} at
 * {@code /bench-notelemetry}. {@link #mechanism} at
 * {@code /bench-mechanism} holds the module as a Jakarta Security mechanism instead, no filter
 * mapped. {@link #mpJwt} at {@code /bench-mpjwt} holds no module: Liberty's {@code mpJwt-2.1}
 * protects it ({@code liberty/bench/server.xml}); on WildFly, {@link #smallryeJwt} takes its place,
 * protected by WildFly's own MicroProfile JWT (smallrye-jwt). The other WARs run on both servers.
 */
final class BenchWar {

    /** The client id of the benchmark's tokens: their audience, also for mpJwt. */
    static final String CLIENT_ID = "authvital-bench";

    /** The file names, as {@code liberty/bench/server.xml} deploys them from {@code bench.dir}. */
    static final String MODULE = "authvital-bench";
    static final String MODULE_ON_JCACHE = "authvital-bench-jcache";
    static final String MODULE_WITHOUT_CACHE = "authvital-bench-nocache";
    static final String MODULE_WITHOUT_TELEMETRY = "authvital-bench-notelemetry";
    static final String MECHANISM = "authvital-bench-mechanism";
    static final String MP_JWT = "authvital-bench-mpjwt";

    /**
     * Where the module maps its logout servlet in {@link #module} and {@link #moduleOnJCache}:
     * the benchmark logs unrelated tokens out through it ({@link Denials}).
     */
    static final String LOGOUT_PATH = "/logout";

    /**
     * The port of the JCache WAR's Hazelcast member, on 127.0.0.1; never another: a clash fails the
     * start. 5891, or the system property {@code bench.hazelcast.port} (the WildFly benchmark's is
     * another, so that it can run beside an Open Liberty one).
     */
    static final int HAZELCAST_PORT = Integer.getInteger("bench.hazelcast.port", 5891);

    /** The JCache WAR's Hazelcast configuration, in {@code WEB-INF/classes}. */
    static final String HAZELCAST_CONFIG = "hazelcast-bench.xml";

    /** Hazelcast's own provider for an embedded member (a client's is another class). */
    private static final String HAZELCAST_PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";

    /**
     * One member alone, on loopback only (its interface, and bound to it rather than to every
     * address, Hazelcast's default): no multicast, a member list of itself, and a cluster name of
     * its own, so that it can join nothing else on the machine; no phone-home; its log through
     * {@code java.util.logging}, which reaches Liberty's {@code messages.log}.
     */
    private static final String HAZELCAST_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <hazelcast xmlns="http://www.hazelcast.com/schema/config"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="http://www.hazelcast.com/schema/config
                       http://www.hazelcast.com/schema/config/hazelcast-config-5.6.xsd">
              <cluster-name>authvital-bench</cluster-name>
              <properties>
                <property name="hazelcast.logging.type">jdk</property>
                <property name="hazelcast.phone.home.enabled">false</property>
                <property name="hazelcast.socket.bind.any">false</property>
                <property name="hazelcast.operation.call.timeout.millis">5000</property>
              </properties>
              <network>
                <port auto-increment="false">%1$d</port>
                <interfaces enabled="true">
                  <interface>127.0.0.1</interface>
                </interfaces>
                <join>
                  <auto-detection enabled="false"/>
                  <multicast enabled="false"/>
                  <tcp-ip enabled="true">
                    <member-list>
                      <member>127.0.0.1:%1$d</member>
                    </member-list>
                  </tcp-ip>
                </join>
              </network>
              <!-- The store's caches as in src/test/resources/hazelcast-cluster.xml, which says why:
                   the store's strings and each region's lifetime, no eviction in practice, one backup. -->
              %2$s
            </hazelcast>
            """.formatted(HAZELCAST_PORT, caches());

    /**
     * One {@code <cache>} per region of the store, from {@link SessionStore.Region} itself, so that
     * the lifetimes cannot drift from the module's.
     */
    private static String caches() {
        StringBuilder caches = new StringBuilder();
        for (SessionStore.Region region : SessionStore.Region.values()) {
            caches.append("""
                    <cache name="authvital.*.%s">
                      <key-type class-name="java.lang.String"/>
                      <value-type class-name="java.lang.String"/>
                      <expiry-policy-factory>
                        <timed-expiry-policy-factory expiry-policy-type="MODIFIED" duration-amount="%d" time-unit="SECONDS"/>
                      </expiry-policy-factory>
                      <eviction size="2147483647" max-size-policy="ENTRY_COUNT" eviction-policy="LRU"/>
                      <backup-count>1</backup-count>
                    </cache>
                    """.formatted(region.id, region.lifetime.toSeconds()));
        }
        return caches.toString();
    }

    /** {@code /protected/*} requires {@code role}; Liberty maps a caller's groups to roles of the same name. */
    private static final String CONSTRAINT = """
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>protected</web-resource-name>
                  <url-pattern>/protected/*</url-pattern>
                </web-resource-collection>
                <auth-constraint>
                  <role-name>%1$s</role-name>
                </auth-constraint>
              </security-constraint>
              %2$s
              <security-role>
                <role-name>%1$s</role-name>
              </security-role>""";

    private BenchWar() {
    }

    /**
     * The module pointed at the IdP at {@code idpBaseUrl}, its token cache at the default size,
     * or at {@code tokenCacheSize} when that is not blank.
     */
    static WebArchive module(String idpBaseUrl, String tokenCacheSize) {
        return Deployments.app(MODULE, filterConfig(idpBaseUrl, tokenCacheSize),
                HelloServlet.class, PrincipalServlet.class, PassThroughFilter.class, ListComparisonServlet.class);
    }

    /**
     * The same filter as {@link #module}, its token cache as large, with the module's shared
     * state on JCache ({@code authvital.store=jcache}): an embedded Hazelcast member, its jar in
     * {@code WEB-INF/lib} as an application would ship it, its configuration
     * {@link #HAZELCAST_XML}, and the {@code jboss-deployment-structure.xml} that gives it
     * {@code sun.misc.Unsafe} on WildFly (Open Liberty ignores the file). The store's key is made
     * for this run: nothing leaves the machine.
     */
    static WebArchive moduleOnJCache(String idpBaseUrl, String tokenCacheSize) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> config = filterConfig(idpBaseUrl, tokenCacheSize);
        config.put(ConfigKeys.STORE, "jcache");
        config.put(ConfigKeys.STORE_JCACHE_PROVIDER, HAZELCAST_PROVIDER);
        config.put(ConfigKeys.STORE_JCACHE_URI, "classpath:" + HAZELCAST_CONFIG);
        config.put(ConfigKeys.STORE_KEY, Base64.getEncoder().encodeToString(key));
        return Deployments.app(MODULE_ON_JCACHE, config, HelloServlet.class, PrincipalServlet.class)
                .addAsLibrary(hazelcastJar())
                .addAsResource(new StringAsset(HAZELCAST_XML), HAZELCAST_CONFIG)
                .addAsWebInfResource(Deployments.HAZELCAST_DEPLOYMENT_STRUCTURE, "jboss-deployment-structure.xml");
    }

    /**
     * What {@link #module}, {@link #moduleOnJCache} and {@link #moduleWithoutTelemetry} share: the
     * filter on {@code /protected/*}, the logout.
     */
    private static Map<String, String> filterConfig(String idpBaseUrl, String tokenCacheSize) {
        Map<String, String> config = new HashMap<>(Map.of(
                ConfigKeys.HOST, idpBaseUrl,
                ConfigKeys.CLIENT_ID, CLIENT_ID,
                ConfigKeys.FILTER_URL_PATTERNS, "/protected/*",
                ConfigKeys.LOGOUT_PATH, LOGOUT_PATH));
        if (!tokenCacheSize.isBlank()) {
            config.put(ConfigKeys.TOKEN_CACHE_SIZE, tokenCacheSize);
        }
        return config;
    }

    /** Hazelcast's jar, from the benchmark's own class path (the pom's test-scoped dependency). */
    private static File hazelcastJar() {
        try {
            File jar = new File(Hazelcast.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.isFile()) {
                throw new IllegalStateException("Hazelcast is not a jar on the class path but " + jar
                        + ": run the benchmark through Maven (mvn -Pbench package)");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate Hazelcast's jar", e);
        }
    }

    /**
     * The same filter as {@link #module}, its token cache as large, its logout at the same path,
     * with {@code authvital.telemetry.enabled=false}: on a server whose telemetry is on, the module
     * records nothing here (it takes {@code Telemetry.NONE}), so that {@link #module} against this
     * WAR is the cost of the module's own metrics, all else equal.
     */
    static WebArchive moduleWithoutTelemetry(String idpBaseUrl, String tokenCacheSize) {
        Map<String, String> config = filterConfig(idpBaseUrl, tokenCacheSize);
        config.put(ConfigKeys.TELEMETRY_ENABLED, "false");
        return Deployments.app(MODULE_WITHOUT_TELEMETRY, config,
                HelloServlet.class, PrincipalServlet.class, PassThroughFilter.class, ListComparisonServlet.class);
    }

    /** The same without the token cache: every request parses and verifies its token. */
    static WebArchive moduleWithoutTokenCache(String idpBaseUrl) {
        return Deployments.app(MODULE_WITHOUT_CACHE, Map.of(
                        ConfigKeys.HOST, idpBaseUrl,
                        ConfigKeys.CLIENT_ID, CLIENT_ID,
                        ConfigKeys.FILTER_URL_PATTERNS, "/protected/*",
                        ConfigKeys.TOKEN_CACHE_SIZE, "0"),
                HelloServlet.class, PrincipalServlet.class);
    }

    /**
     * The module as the application's Jakarta Security mechanism
     * ({@code authvital.jakarta-security.enabled=true}), no filter mapped: {@code /protected/*}
     * requires the role {@code member}, a group of every benchmark token (its {@code tenant_roles},
     * {@link TokenMint}), so that, as behind the filter, every valid token passes.
     */
    static WebArchive mechanism(String idpBaseUrl) {
        return Deployments.app(MECHANISM, Map.of(
                        ConfigKeys.HOST, idpBaseUrl,
                        ConfigKeys.CLIENT_ID, CLIENT_ID,
                        ConfigKeys.JAKARTA_SECURITY, "true"),
                HelloServlet.class, PrincipalServlet.class)
                .setWebXML(Deployments.webXml(CONSTRAINT.formatted("member", "")));
    }

    /**
     * The servlet alone, {@code /protected/*} requiring the role {@code user} (every
     * authenticated user, by the server's binding) and MP-JWT as the login method.
     */
    static WebArchive mpJwt() {
        return ShrinkWrap.create(WebArchive.class, MP_JWT + ".war")
                .addClasses(HelloServlet.class, PrincipalServlet.class)
                .setWebXML(Deployments.webXml(CONSTRAINT.formatted("user", """
                          <login-config>
                            <auth-method>MP-JWT</auth-method>
                            <realm-name>authvital-bench</realm-name>
                          </login-config>""")));
    }

    /**
     * The servlet alone on WildFly, protected by its {@code microprofile-jwt-smallrye} subsystem:
     * MP-JWT as the login method activates it for this WAR, which its
     * {@code microprofile-config.properties} points at the IdP at {@code idpBaseUrl} (its JWKS,
     * its issuer, the benchmark's client id as the audience, the groups from {@code app_roles} as
     * Liberty's {@code mpJwt} takes them). {@code /protected/*} requires {@code **}, any
     * authenticated user (the Servlet specification's role name for it since 3.1), as Liberty's binding of every authenticated user
     * to the role does.
     */
    static WebArchive smallryeJwt(String idpBaseUrl) {
        String config = String.join("\n",
                "mp.jwt.verify.publickey.location=" + idpBaseUrl + "/.well-known/jwks.json",
                "mp.jwt.verify.issuer=" + idpBaseUrl,
                "mp.jwt.verify.audiences=" + CLIENT_ID,
                "smallrye.jwt.path.groups=app_roles", "");
        return ShrinkWrap.create(WebArchive.class, MP_JWT + ".war")
                .addClasses(HelloServlet.class, PrincipalServlet.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                // smallrye-jwt's mechanism is a CDI bean: without a bean archive WildFly starts no CDI
                // for this WAR, finds no mechanism and answers every protected request 500.
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .setWebXML(Deployments.webXml("""
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>protected</web-resource-name>
                              <url-pattern>/protected/*</url-pattern>
                            </web-resource-collection>
                            <auth-constraint>
                              <role-name>**</role-name>
                            </auth-constraint>
                          </security-constraint>
                          <login-config>
                            <auth-method>MP-JWT</auth-method>
                            <realm-name>authvital-bench</realm-name>
                          </login-config>"""));
    }
}
