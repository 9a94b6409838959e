package com.authvital.testing;

import com.authvital.standin.StandInCollector;
import com.authvital.standin.StandInIdp;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one factory of the WARs the tests deploy: the module as a jar in {@code WEB-INF/lib},
 * exactly as a user ships it, the given classes, and a {@code microprofile-config.properties}
 * pointing at the stand-in IdP; and the demo's own WAR, pointed at it.
 *
 * <p>Runs on the client side (Arquillian's {@code @Deployment}); the shared stand-in IdP is
 * started here, once per test JVM, on an ephemeral loopback port. Where the module is comes
 * from the build, as absolute paths in the system properties {@value #MODULE_CLASSES} and
 * {@value #RUNTIME_CLASSPATH} (the pom's failsafe configuration), and so does the demo's WAR
 * ({@value #DEMO_WAR}); never from the working directory.
 */
public final class Deployments {

    /** The client id of the test applications, and the audience of their tokens. */
    public static final String CLIENT_ID = "authvital-tests";

    /** The module's compiled classes, an absolute directory. */
    static final String MODULE_CLASSES = "module.classes";
    /** The module's runtime dependencies, absolute jar paths joined by the path separator. */
    static final String RUNTIME_CLASSPATH = "module.runtime.classpath";
    /** The demo's WAR, as the build made it: an absolute path. */
    static final String DEMO_WAR = "demo.war";

    /** The member configuration of the two-server tests and demo, a test resource (src/test/resources). */
    public static final String HAZELCAST_CLUSTER_XML = "hazelcast-cluster.xml";
    /** Their {@code WEB-INF/jboss-deployment-structure.xml}: on WildFly, what the member needs of the JDK. */
    public static final String HAZELCAST_DEPLOYMENT_STRUCTURE = "hazelcast-jboss-deployment-structure.xml";

    private static final String DEMO_CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    /**
     * The module's own budget of token calls, lifted in every test WAR as the ITs that need it lift
     * the stand-in's limit: a test class signs in and refreshes from one address far more often a
     * minute than the IdP's 30 calls allow. The budget's own tests set these keys themselves.
     */
    static final Map<String, String> BUDGET_LIFTED = Map.of(
            "authvital.idp.token-budget", "100000",
            "authvital.signin.exchanges-per-address", "100000");

    private static StandInIdp idp;
    private static StandInCollector collector;

    private Deployments() {
    }

    /** The stand-in IdP shared by every test deployment of this JVM, started on first use. */
    public static synchronized StandInIdp idp() {
        if (idp == null) {
            idp = StandInIdp.start(0, CLIENT_ID);
            StandInIdp started = idp;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return idp;
    }

    /**
     * The stand-in OpenTelemetry collector shared by the servers the tests start themselves with
     * MicroProfile Telemetry on (the two-server tests), started on first use.
     */
    public static synchronized StandInCollector collector() {
        if (collector == null) {
            collector = StandInCollector.start(0);
            StandInCollector started = collector;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return collector;
    }

    /**
     * The system properties that turn a server's MicroProfile Telemetry on and export to
     * {@link #collector()} over OTLP (http/protobuf): metrics each second, spans within 200 ms, no logs.
     */
    public static Map<String, String> telemetryExport() {
        return Map.of("otel.sdk.disabled", "false",
                "otel.exporter.otlp.endpoint", collector().baseUrl(),
                "otel.exporter.otlp.protocol", "http/protobuf",
                "otel.metric.export.interval", "1000",
                "otel.bsp.schedule.delay", "200",
                "otel.logs.exporter", "none");
    }

    /** A client of the shared stand-in's {@code /dev/} API, for the client side of a test. */
    public static StandInClient standIn() {
        return StandInClient.at(idp().baseUrl());
    }

    /** A WAR with the module, the support classes, the given classes, pointed at the stand-in. */
    public static WebArchive war(String name, Class<?>... classes) {
        return war(name, Map.of(), classes);
    }

    /**
     * A WAR whose MicroProfile Config holds {@code authvital.host} (the stand-in),
     * {@code authvital.client-id}, the budget lifted ({@link #BUDGET_LIFTED}) and then
     * {@code config}, which may override them.
     */
    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!config.containsKey("authvital.host")) {
            settings.put("authvital.host", idp().baseUrl());
        }
        settings.put("authvital.client-id", CLIENT_ID);
        settings.putAll(BUDGET_LIFTED);
        settings.putAll(config);
        return app(name, settings, classes)
                .addClasses(StandInClient.class, StandInClient.NewSession.class, Requests.class, TestHttp.class,
                        InContainerTest.class);
    }

    /**
     * A WAR with the module and the given classes, configured by {@code config} alone: no test
     * support, no stand-in started. The benchmark's WAR is built with it.
     */
    public static WebArchive app(String name, Map<String, String> config, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(module())
                .addAsLibraries(runtimeDependencies())
                .addClasses(classes)
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
    }

    /**
     * The demo's WAR as Maven built it ({@code target/demo/authvital-demo.war}, what
     * {@code mvn -Pdemo package} runs) under another name, with only {@code authvital.host} set
     * to {@code idpBaseUrl}, {@code authvital.client-id} to the tests' and the budget lifted
     * ({@link #BUDGET_LIFTED}) in its MicroProfile Config.
     */
    public static WebArchive demo(String name, String idpBaseUrl) {
        return demo(name, idpBaseUrl, Map.of());
    }

    /** The demo's WAR as {@link #demo(String, String)} makes it, with these settings added or changed too. */
    public static WebArchive demo(String name, String idpBaseUrl, Map<String, String> more) {
        File built = Path.of(buildProperty(DEMO_WAR)).toFile();
        if (!built.isFile()) {
            throw new IllegalStateException(built + " (" + DEMO_WAR + ") is missing: run 'mvn verify', which builds it");
        }
        WebArchive demo = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(built).as(WebArchive.class);
        Properties settings = new Properties();
        try (InputStream in = demo.get(DEMO_CONFIG).getAsset().openStream()) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.setProperty("authvital.host", idpBaseUrl);
        settings.setProperty("authvital.client-id", CLIENT_ID);
        BUDGET_LIFTED.forEach(settings::setProperty);
        more.forEach(settings::setProperty);
        demo.delete(DEMO_CONFIG);
        return demo.add(new StringAsset(properties(settings)), DEMO_CONFIG);
    }

    /**
     * The demo's WAR as {@link #demo(String, String, Map)} makes it, ready for several servers: with
     * Hazelcast in {@code WEB-INF/lib} (the engine of {@code authvital.store=jcache}, the jar of this
     * JVM's test class path), its member configuration {@code hazelcast-cluster.xml} in
     * {@code WEB-INF/classes}, and for WildFly a {@code WEB-INF/jboss-deployment-structure.xml} that
     * gives the member the JDK module it needs ({@code jdk.unsupported}). The same WAR on either
     * server; each server's system properties choose the store and the member's port.
     */
    public static WebArchive demoForCluster(String name, String idpBaseUrl, Map<String, String> more) {
        return demo(name, idpBaseUrl, more)
                .addAsLibrary(jarOf("com.hazelcast.core.Hazelcast"))
                .addAsResource(HAZELCAST_CLUSTER_XML)
                .addAsWebInfResource(HAZELCAST_DEPLOYMENT_STRUCTURE, "jboss-deployment-structure.xml");
    }

    /** The jar of this JVM's class path that holds {@code className}. */
    private static File jarOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, Deployments.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (ClassNotFoundException | java.net.URISyntaxException e) {
            throw new IllegalStateException(className + " is not on the test class path as a jar", e);
        }
    }

    /** The module's jar, from the build's own classes: what {@code mvn package} ships. */
    public static JavaArchive module() {
        Path classes = Path.of(buildProperty(MODULE_CLASSES));
        if (!classes.isAbsolute() || !Files.isDirectory(classes.resolve("com/authvital/jakarta"))) {
            throw new IllegalStateException(classes + " (" + MODULE_CLASSES + ") has no compiled module: run 'mvn verify'");
        }
        return ShrinkWrap.create(ExplodedImporter.class, "authvital-jakarta.jar")
                .importDirectory(classes.toFile())
                .as(JavaArchive.class);
    }

    /** The module's runtime dependencies, as the build resolved them: what a user's WAR gets. */
    private static File[] runtimeDependencies() {
        String classpath = buildProperty(RUNTIME_CLASSPATH).trim();
        return classpath.isEmpty() ? new File[0] : Arrays.stream(classpath.split(File.pathSeparator))
                .map(File::new).toArray(File[]::new);
    }

    /** A system property the build sets (Failsafe for the tests, the bench profile for LibertyBench). */
    private static String buildProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.contains("${")) {
            throw new IllegalStateException("the system property '" + name + "' is not set: run the tests through "
                    + "Maven ('mvn verify' passes it), or set it as the pom's failsafe configuration does");
        }
        return value;
    }

    /**
     * A Servlet 6.0 {@code WEB-INF/web.xml} holding {@code elements} (filters, listeners…); not
     * metadata-complete, so the classes' annotations still count.
     */
    public static StringAsset webXml(String elements) {
        return new StringAsset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n"
                + "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee "
                + "https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\"\n"
                + "         version=\"6.0\">\n" + elements + "\n</web-app>\n");
    }

    /** A loopback port with nothing listening on it, for an "IdP down" deployment. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String properties(Map<?, ?> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, "written by Deployments");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
