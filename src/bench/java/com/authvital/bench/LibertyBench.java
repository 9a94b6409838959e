package com.authvital.bench;

import com.authvital.standin.StandInCollector;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * The two benchmarks inside Open Liberty, in one run: starts a stand-in IdP, writes the
 * benchmark's five WARs ({@link BenchWar}), starts the Liberty server, then (1) has
 * {@link ListComparisonServlet} time the sessions service's {@code list()} against a raw
 * {@code HttpClient} call plus JSON-B, and (2) runs the load benchmark ({@link LoadBench}): the
 * same servlet unprotected, behind the module's filter with its token cache on and off and on the
 * JCache store (an embedded Hazelcast member), behind the module as a Jakarta Security mechanism,
 * and behind Liberty's {@code mpJwt-2.1}, with one token and with many distinct tokens rotated.
 * Prints the figures and the targets, then stops the server and the IdP.
 *
 * <p>With {@code --telemetry true} (issue 20), the same server with its telemetry on and exported
 * to a stand-in collector ({@link BenchTelemetry}), a sixth WAR ({@code /bench-notelemetry}, the
 * filter with the module's telemetry off) and only the two filter WARs started: the load
 * benchmark compares the filter with its telemetry on and off, no list comparison; then checks
 * what the collector received.
 *
 * <p>{@code java -cp <test classpath> com.authvital.bench.LibertyBench --wlp target/liberty/wlp
 * --server av-bench --port 9283 --war-dir target/bench}, the server created beforehand with
 * its {@code bench.dir} bootstrap property set to the same directory ({@code mvn -Pbench
 * package} does all of it; its {@code bench.load.*} properties set the {@code --load-*}
 * options). Everything stays on 127.0.0.1; every loop is bounded in count and time.
 */
public final class LibertyBench {

    private static final double LIST_TARGET = 1.2;

    /** The load paths of the WARs that start with telemetry on (liberty/bench-telemetry/telemetry.xml). */
    private static final Set<String> TELEMETRY_PATHS = Set.of("open", "filter", "notelemetry", "passthrough");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> summary = new ArrayList<>();
    private final boolean telemetry;
    /** The server JVM's OpenTelemetry system properties; empty without telemetry. */
    private String telemetryProperties = "";

    private LibertyBench(Map<String, String> options) {
        this.options = options;
        this.telemetry = switch (options.get("telemetry")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--telemetry is true or false, not " + options.get("telemetry"));
        };
    }

    public static void main(String[] args) throws Exception {
        BenchOptions.standInJvm();
        String[] defaults = {"wlp", "target/liberty/wlp", "server", "av-bench", "port", "9283",
            "war-dir", "target/bench",
            "list-warmup", "2000", "list-calls", "100", "list-rounds", "40",
            "load-rounds", "6", "load-requests", "20000", "load-warmup", "10000", "load-warmup-seconds", "150",
            "load-scenario-warmup", "5000",
            "load-connections", "16", "load-paths", "open,filter,jcache,nocache,mechanism,mpjwt", "load-tokens", "1,400,2000,20000", "jfr", "",
            "token-cache-size", "", "telemetry", "false", "telemetry-config", "liberty/bench-telemetry/telemetry.xml"};
        System.exit(new LibertyBench(BenchOptions.parse(defaults, args)).run());
    }

    private int run() throws Exception {
        boolean checked = true;
        int port = Integer.parseInt(options.get("port"));
        if (listening(port)) {
            System.err.println("Something already listens on 127.0.0.1:" + port + ": stop it first, e.g. "
                    + options.get("wlp") + "/bin/server stop " + options.get("server"));
            return 1;
        }
        if (telemetry && !TELEMETRY_PATHS.containsAll(List.of(options.get("load-paths").split(",")))) {
            System.err.println("With --telemetry true only the WARs of " + TELEMETRY_PATHS + " start: pass --load-paths"
                    + " open,filter,notelemetry (mvn -Pbench package -Dbench.telemetry=true does)");
            return 1;
        }
        if (!telemetry && listening(BenchWar.HAZELCAST_PORT)) {
            // The JCache WAR's member takes no other port, and the checks take a member there for its own.
            System.err.println("Something already listens on 127.0.0.1:" + BenchWar.HAZELCAST_PORT
                    + ", the port of the JCache WAR's Hazelcast member: stop it first");
            return 1;
        }
        System.out.println("Liberty benchmarks; " + Machine.describe() + "; " + libertyVersion());
        Path serverDir = Path.of(options.get("wlp"), "usr", "servers", options.get("server"));
        BenchTelemetry.configure(serverDir, Path.of(options.get("telemetry-config")), telemetry);
        try (StandInIdp idp = StandInIdp.start(0, BenchWar.CLIENT_ID);
             StandInCollector collector = telemetry ? StandInCollector.start(0) : null) {
            File wars = new File(options.get("war-dir"));
            wars.mkdirs();
            BenchWar.module(idp.baseUrl(), options.get("token-cache-size")).as(ZipExporter.class).exportTo(war(BenchWar.MODULE), true);
            System.out.println("load: our filter's token cache holds " + (options.get("token-cache-size").isBlank()
                    ? "the default number of tokens" : options.get("token-cache-size") + " tokens")
                    + " (authvital.token-cache.max-size), on the in-memory and the JCache store alike");
            BenchWar.moduleOnJCache(idp.baseUrl(), options.get("token-cache-size")).as(ZipExporter.class)
                    .exportTo(war(BenchWar.MODULE_ON_JCACHE), true);
            BenchWar.moduleWithoutTokenCache(idp.baseUrl()).as(ZipExporter.class)
                    .exportTo(war(BenchWar.MODULE_WITHOUT_CACHE), true);
            BenchWar.mechanism(idp.baseUrl()).as(ZipExporter.class).exportTo(war(BenchWar.MECHANISM), true);
            BenchWar.mpJwt().as(ZipExporter.class).exportTo(war(BenchWar.MP_JWT), true);
            if (telemetry) {
                BenchWar.moduleWithoutTelemetry(idp.baseUrl(), options.get("token-cache-size")).as(ZipExporter.class)
                        .exportTo(war(BenchWar.MODULE_WITHOUT_TELEMETRY), true);
                telemetryProperties = BenchTelemetry.systemProperties(collector, options.get("server"));
                summary.addAll(BenchTelemetry.preamble(collector));
                System.out.println("Stand-in collector on " + collector.baseUrl() + "; the server's telemetry on: "
                        + serverDir.resolve("configDropins/overrides") + ", " + telemetryProperties);
            }
            System.out.println("Stand-in IdP on " + idp.baseUrl() + "; WARs written to " + wars);

            server("start", idp.baseUrl());
            Thread stopper = new Thread(() -> server("stop", null));
            Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C still stops the server
            try {
                List<String> roots = telemetry ? List.of("/bench", "/bench-notelemetry")
                        : List.of("/bench", "/bench-jcache", "/bench-nocache", "/bench-mechanism", "/bench-mpjwt");
                for (String root : roots) {
                    awaitApplication(URI.create("http://127.0.0.1:" + port + root + "/open/hello"));
                }
                TokenMint mint = new TokenMint(idp.baseUrl());
                if (telemetry) {
                    System.out.println("list(): not run with telemetry on (issue 20 compares the filter alone)");
                    LoadBench bench = load(mint, port);
                    BenchTelemetry check = new BenchTelemetry(new InetSocketAddress("127.0.0.1", port), collector,
                            options.get("server"));
                    summary.addAll(check.check(bench.sent(LoadBench.FILTER), bench.sent(LoadBench.NO_TELEMETRY),
                            mint.mint(1, Duration.ofMinutes(1))[0]));
                    checked = check.passed();
                } else {
                    StandInClient.NewSession user = StandInClient.at(idp.baseUrl()).session(Map.of("tenant", "acme"));
                    StandInClient.at(idp.baseUrl()).anotherSession(user.userId());
                    StandInClient.at(idp.baseUrl()).anotherSession(user.userId());
                    compareList("http://127.0.0.1:" + port + "/bench", "Bearer " + user.accessToken());
                    load(mint, port);
                }
            } finally {
                server("stop", null);
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
        System.out.println();
        System.out.println("== Open Liberty benchmarks ==");
        System.out.println(Machine.describe() + " (at the end); " + libertyVersion());
        summary.forEach(System.out::println);
        return checked ? 0 : 1;
    }

    /** Item 2: the servlet's interleaved rounds, printed per round and as one ratio. */
    private void compareList(String app, String authorization) throws Exception {
        String query = String.format(Locale.ROOT, "/list-comparison?warmup=%s&calls=%s&rounds=%s",
                options.get("list-warmup"), options.get("list-calls"), options.get("list-rounds"));
        System.out.println("list(): GET " + query);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(app + query))
                .timeout(Duration.ofMinutes(10)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the list comparison answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonObject result;
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            result = reader.readObject();
        }
        JsonArray service = result.getJsonArray("serviceMicros");
        JsonArray raw = result.getJsonArray("rawMicros");
        double serviceSum = 0;
        double rawSum = 0;
        double[] ratios = new double[service.size()];
        for (int i = 0; i < service.size(); i++) {
            double s = service.getJsonNumber(i).doubleValue();
            double r = raw.getJsonNumber(i).doubleValue();
            serviceSum += s;
            rawSum += r;
            ratios[i] = s / r;
            System.out.printf(Locale.ROOT, "  round %2d (%s first): service %8.1f us/call, raw %8.1f us/call, ratio %.3f%n",
                    i + 1, i % 2 == 0 ? "service" : "raw", s, r, s / r);
        }
        double serviceMean = serviceSum / service.size();
        double rawMean = rawSum / raw.size();
        double ratio = serviceMean / rawMean;
        summary.add(String.format(Locale.ROOT, "list() of %d sessions, %d rounds x %d calls each way after %d warm-up calls:",
                result.getInt("sessions"), service.size(), result.getInt("calls"), result.getInt("warmup")));
        summary.add(String.format(Locale.ROOT, "  AuthVitalSessions.list (REST client)   %8.1f us/call", serviceMean));
        summary.add(String.format(Locale.ROOT, "  raw HttpClient GET + one reused Jsonb  %8.1f us/call", rawMean));
        summary.add(String.format(Locale.ROOT, "  ratio %.3f (%+.1f us/call), per-round ratios %s; target <= %.1f: %s",
                ratio, serviceMean - rawMean, Rounds.quartiles(ratios), LIST_TARGET, ratio <= LIST_TARGET ? "met" : "MISSED"));
    }

    /** Item 3: the load benchmark, its summary added to the one printed at the end; answers it, run. */
    private LoadBench load(TokenMint mint, int port) throws Exception {
        long serverPid = serverPid();
        LoadBench.Settings settings = new LoadBench.Settings(number("load-rounds"), number("load-requests"),
                number("load-warmup"), Duration.ofSeconds(number("load-warmup-seconds")), number("load-scenario-warmup"),
                number("load-connections"), Duration.ofMinutes(2));
        LoadBench bench = new LoadBench(new InetSocketAddress("127.0.0.1", port), serverPid, settings,
                options.get("load-paths"), options.get("load-tokens"));
        summary.addAll(bench.run(mint));
        return bench;
    }

    /** The server's process id, from the file Liberty writes when it starts; 0 when unknown. */
    private long serverPid() {
        try {
            return Long.parseLong(Files.readString(Path.of(options.get("wlp"), "usr", "servers", ".pid",
                    options.get("server") + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** "Open Liberty 25.0.0.11", from the runtime's own version file. */
    private String libertyVersion() {
        Properties version = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(options.get("wlp"), "lib", "versions", "openliberty.properties"))) {
            version.load(in);
        } catch (IOException e) {
            return "Open Liberty (version unknown)";
        }
        return version.getProperty("com.ibm.websphere.productName", "Open Liberty") + " "
                + version.getProperty("com.ibm.websphere.productVersion", "(version unknown)");
    }

    private int number(String option) {
        return Integer.parseInt(options.get(option));
    }

    private File war(String name) {
        return new File(options.get("war-dir"), name + ".war");
    }

    private void awaitApplication(URI probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(probe + " did not answer 200 within 120 s: see the server's messages.log");
    }

    /**
     * {@code server start|stop <name>}; waits at most three minutes. The server's
     * {@code mpJwt} configuration reads the IdP's URL from {@code BENCH_IDP_URL}; with
     * {@code --jfr file}, the server records a JFR profile into that file; with telemetry, its JVM
     * gets OpenTelemetry's system properties.
     */
    private synchronized void server(String action, String idpBaseUrl) {
        Path script = Path.of(options.get("wlp"), "bin", "server");
        try {
            ProcessBuilder builder = new ProcessBuilder(script.toString(), action, options.get("server")).inheritIO();
            if (idpBaseUrl != null) {
                builder.environment().put("BENCH_IDP_URL", idpBaseUrl);
                String jvmArgs = telemetryProperties;
                if (!options.get("jfr").isBlank()) {
                    // For the diagnosis: a JFR profile of the server, written when it stops.
                    jvmArgs += " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + Path.of(options.get("jfr")).toAbsolutePath();
                }
                if (!jvmArgs.isBlank()) {
                    builder.environment().put("JVM_ARGS", jvmArgs.strip());
                }
            }
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " did not finish within 3 minutes");
            }
            if (process.exitValue() != 0 && action.equals("start")) {
                throw new IllegalStateException("server start exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": was the server created (mvn -Pbench package)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
