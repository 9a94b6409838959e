package com.authvital.bench;

import com.authvital.standin.StandInIdp;
import com.authvital.testing.WildFlyCluster;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The load benchmark ({@link LoadBench}) on WildFly: starts a stand-in IdP, writes the
 * benchmark's WARs ({@link BenchWar}; the peer is {@link BenchWar#smallryeJwt}, protected by
 * WildFly's own MicroProfile JWT), starts one WildFly server with them
 * ({@link WildFlyCluster}: {@code standalone-microprofile.xml}, a server base of its own, on
 * 127.0.0.1), runs the same scenarios as on Open Liberty, prints the figures, then stops the
 * server (Ctrl-C too) and the IdP.
 *
 * <p>The server is WildFly as shipped but for one setting the module's Jakarta Security
 * mechanism needs ({@code integrated-jaspi} off, docs/wildfly.md) and its heap: the shipped
 * {@code -Xmx512m} is a small server's, this one holds five applications, a Hazelcast member and
 * up to 20,000 tokens in each token cache (Open Liberty runs with the JVM's default, a quarter of
 * the memory). Its HTTP listener is as shipped: {@link #OPERATIONS} undo the tests' proxy setting
 * should the unpacked WildFly carry it. The JCache WAR's Hazelcast member listens on
 * {@code bench.hazelcast.port} (the build gives 5892), clear of the Open Liberty benchmark's.
 *
 * <p>{@code java -cp <test classpath> com.authvital.bench.WildFlyBench --home
 * target/wildfly/wildfly-39.0.1.Final --dir target/bench --port-offset 1500}; {@code mvn -Pbench
 * package} does it (its {@code bench.load.*} properties set the {@code --load-*} options). Every
 * loop is bounded in count and time.
 */
public final class WildFlyBench {

    /** What the peer is called in the figures. */
    static final String PEER = "WildFly smallrye-jwt";

    /**
     * Run offline on the server's copy of the configuration: the mechanism's one setting; the
     * HTTP listener's {@code proxy-address-forwarding} back to its default (off), as shipped,
     * should {@code wildfly/test-server.cli} have set it in the unpacked WildFly.
     */
    static final List<String> OPERATIONS = List.of(
            "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)",
            "/subsystem=undertow/server=default-server/http-listener=default:undefine-attribute(name=proxy-address-forwarding)");

    /** The WARs by context root; WildFly takes the context root from the file's name. */
    private static final Map<String, String> CONTEXT_ROOTS = Map.of(
            BenchWar.MODULE, "/bench",
            BenchWar.MODULE_ON_JCACHE, "/bench-jcache",
            BenchWar.MODULE_WITHOUT_CACHE, "/bench-nocache",
            BenchWar.MECHANISM, "/bench-mechanism",
            BenchWar.MP_JWT, "/bench-mpjwt");

    private final Map<String, String> options;
    private final List<String> summary = new ArrayList<>();

    private WildFlyBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions.standInJvm();
        String[] defaults = {"home", "target/wildfly/wildfly-39.0.1.Final", "dir", "target/bench",
            "port-offset", "1500", "heap", "2g",
            "load-rounds", "6", "load-requests", "20000", "load-warmup", "10000", "load-warmup-seconds", "150",
            "load-scenario-warmup", "5000",
            "load-connections", "16", "load-paths", "open,filter,jcache,nocache,mechanism,mpjwt", "load-tokens", "1,400,2000,20000", "jfr", "",
            "token-cache-size", ""};
        System.exit(new WildFlyBench(BenchOptions.parse(defaults, args)).run());
    }

    private int run() throws Exception {
        Path home = Path.of(options.get("home"));
        if (LibertyBench.listening(BenchWar.HAZELCAST_PORT)) {
            System.err.println("Something already listens on 127.0.0.1:" + BenchWar.HAZELCAST_PORT
                    + ", the port of the JCache WAR's Hazelcast member: stop it first");
            return 1;
        }
        System.out.println("WildFly load benchmark; " + Machine.describe() + "; " + version(home));
        try (StandInIdp idp = StandInIdp.start(0, BenchWar.CLIENT_ID)) {
            Path wars = Files.createDirectories(Path.of(options.get("dir"), "wildfly-wars"));
            String cacheSize = options.get("token-cache-size");
            // All five whichever paths are measured, as on Open Liberty: the same server under load.
            List<WildFlyCluster.Deployment> deployments = List.of(
                    deployment(wars, BenchWar.MODULE, BenchWar.module(idp.baseUrl(), cacheSize)),
                    deployment(wars, BenchWar.MODULE_ON_JCACHE, BenchWar.moduleOnJCache(idp.baseUrl(), cacheSize)),
                    deployment(wars, BenchWar.MODULE_WITHOUT_CACHE, BenchWar.moduleWithoutTokenCache(idp.baseUrl())),
                    deployment(wars, BenchWar.MECHANISM, BenchWar.mechanism(idp.baseUrl())),
                    deployment(wars, BenchWar.MP_JWT, BenchWar.smallryeJwt(idp.baseUrl())));
            System.out.println("load: our filter's token cache holds " + (cacheSize.isBlank()
                    ? "the default number of tokens" : cacheSize + " tokens")
                    + " (authvital.token-cache.max-size), on the in-memory and the JCache store alike");
            System.out.println("Stand-in IdP on " + idp.baseUrl() + "; WARs written to " + wars);

            int offset = Integer.parseInt(options.get("port-offset"));
            WildFlyCluster.Spec spec = new WildFlyCluster.Spec("wildfly", offset, Map.of(),
                    Map.of("JBOSS_JAVA_SIZING", jvmOptions()));
            System.out.println("Starting WildFly on 127.0.0.1:" + spec.httpPort() + " (port offset " + offset
                    + "), its server base " + Path.of(options.get("dir"), spec.name()).toAbsolutePath());
            try (WildFlyCluster server = WildFlyCluster.start(home, Path.of(options.get("dir")), deployments,
                    OPERATIONS, List.of(spec))) {
                WildFlyCluster.Server wildFly = server.servers().get(0);
                System.out.println("WildFly started; its log " + wildFly.log());
                long pid = wildFly.jvm().map(ProcessHandle::pid).orElse(0L);
                LoadBench.Settings settings = new LoadBench.Settings(number("load-rounds"), number("load-requests"),
                        number("load-warmup"), Duration.ofSeconds(number("load-warmup-seconds")),
                        number("load-scenario-warmup"), number("load-connections"), Duration.ofMinutes(2));
                summary.addAll(new LoadBench(new InetSocketAddress("127.0.0.1", spec.httpPort()), pid, settings,
                        options.get("load-paths"), options.get("load-tokens"), PEER).run(new TokenMint(idp.baseUrl())));
            }
        }
        System.out.println();
        System.out.println("== WildFly load benchmark ==");
        System.out.println(Machine.describe() + " (at the end); " + version(home) + ", -Xmx"
                + options.get("heap") + ", HTTP settings as shipped");
        summary.forEach(System.out::println);
        return 0;
    }

    /** The WAR written as {@code <context root>.war}, probed at its unprotected servlet. */
    private static WildFlyCluster.Deployment deployment(Path dir, String name, WebArchive war) {
        String contextRoot = CONTEXT_ROOTS.get(name);
        File file = dir.resolve(contextRoot.substring(1) + ".war").toFile();
        war.as(ZipExporter.class).exportTo(file, true);
        return new WildFlyCluster.Deployment(contextRoot, file.toPath(), "open/hello");
    }

    /**
     * What {@code standalone.conf} starts the JVM's options from ({@code JBOSS_JAVA_SIZING}): its
     * own with the heap's limit raised; with {@code --jfr file}, a JFR profile written when the
     * server stops.
     */
    private String jvmOptions() {
        String jvm = "-Xms64m -Xmx" + options.get("heap");
        if (!options.get("jfr").isBlank()) {
            jvm += " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(options.get("jfr")).toAbsolutePath();
        }
        return jvm;
    }

    /** "WildFly 39.0.1.Final, smallrye-jwt 4.3.1", from the product module's manifest and the jar's name. */
    static String version(Path home) {
        String product = "WildFly (version unknown)";
        Path modules = home.resolve("modules/system/layers/base");
        try (Stream<Path> jars = Files.list(modules.resolve("org/jboss/as/product/main"))) {
            Path jar = jars.filter(file -> file.toString().endsWith(".jar")).findFirst().orElse(null);
            if (jar != null) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    Manifest manifest = file.getManifest();
                    product = manifest.getMainAttributes().getValue("JBoss-Product-Release-Name") + " "
                            + manifest.getMainAttributes().getValue("JBoss-Product-Release-Version");
                }
            }
        } catch (IOException e) {
            // the version stays unknown
        }
        try (Stream<Path> jars = Files.list(modules.resolve("io/smallrye/jwt/main"))) {
            product += jars.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("smallrye-jwt-\\d.*\\.jar"))
                    .map(name -> ", smallrye-jwt " + name.substring("smallrye-jwt-".length(), name.length() - 4))
                    .findFirst().orElse("");
        } catch (IOException e) {
            // no smallrye-jwt version to name
        }
        return product;
    }

    private int number(String option) {
        return Integer.parseInt(options.get(option));
    }
}
