package com.authvital.bench;

import com.authvital.standin.StandInIdp;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * The two benchmarks inside Open Liberty, in one run: starts a stand-in IdP, writes the
 * benchmark WAR ({@link BenchWar}), starts the Liberty server, then (1) has
 * {@link ListComparisonServlet} time the sessions service's {@code list()} against a raw
 * {@code HttpClient} call plus JSON-B, and (2) drives {@code /protected/hello} (behind the
 * filter, with a valid token), {@code /open/hello} and {@code /passthrough/hello} with the same
 * load in rounds of rotating order ({@link LoadDriver}). Prints the figures and the targets, then stops the server and the IdP.
 *
 * <p>{@code java -cp <test classpath> com.authvital.bench.LibertyBench --wlp target/liberty/wlp
 * --server av-bench --port 9283 --war target/bench/authvital-bench.war}, the server created
 * beforehand with its {@code bench.war} bootstrap property set to the same file ({@code mvn -Pbench
 * package} does all of it). Everything stays on 127.0.0.1; every loop is bounded in count and time.
 */
public final class LibertyBench {

    private static final double LIST_TARGET = 1.2;
    private static final double LOAD_TARGET = 0.95;

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> summary = new ArrayList<>();

    private LibertyBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer (the stand-in IdP) leaves Nagle's algorithm on: it writes the
        // headers and the body of an answer apart, and the body then waits for the client's
        // delayed ACK, 40 ms or more per call on a kept-alive connection. Read once, at its start.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"wlp", "target/liberty/wlp", "server", "av-bench", "port", "9283",
            "war", "target/bench/authvital-bench.war",
            "list-warmup", "2000", "list-calls", "100", "list-rounds", "40",
            "load-warmup", "20000", "load-requests", "8000", "load-rounds", "12", "concurrency", "8"};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                System.err.println("unknown option " + args[i] + "; known: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        System.exit(new LibertyBench(options).run());
    }

    private int run() throws Exception {
        int port = Integer.parseInt(options.get("port"));
        if (listening(port)) {
            System.err.println("Something already listens on 127.0.0.1:" + port + ": stop it first, e.g. "
                    + options.get("wlp") + "/bin/server stop " + options.get("server"));
            return 1;
        }
        System.out.println("Liberty benchmarks; " + Machine.describe());
        try (StandInIdp idp = StandInIdp.start(0, BenchWar.CLIENT_ID)) {
            File war = new File(options.get("war"));
            war.getParentFile().mkdirs();
            BenchWar.build(idp.baseUrl()).as(ZipExporter.class).exportTo(war, true);
            System.out.println("Stand-in IdP on " + idp.baseUrl() + "; WAR written to " + war);

            server("start");
            Thread stopper = new Thread(() -> server("stop"));
            Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C still stops the server
            try {
                String app = "http://127.0.0.1:" + port + "/bench";
                awaitApplication(URI.create(app + "/open/hello"));
                StandInClient.NewSession user = StandInClient.at(idp.baseUrl()).session(Map.of("tenant", "acme"));
                StandInClient.at(idp.baseUrl()).anotherSession(user.userId());
                StandInClient.at(idp.baseUrl()).anotherSession(user.userId());
                String authorization = "Bearer " + user.accessToken();

                compareList(app, authorization);
                load(app, authorization);
            } finally {
                server("stop");
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
        System.out.println();
        System.out.println("== Open Liberty benchmarks ==");
        System.out.println(Machine.describe() + " (at the end)");
        summary.forEach(System.out::println);
        return 0;
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
                ratio, serviceMean - rawMean, quartiles(ratios), LIST_TARGET, ratio <= LIST_TARGET ? "met" : "MISSED"));
    }

    /**
     * Item 3: the same closed-loop load on {@code /protected/hello} and {@code /open/hello}; for the
     * diagnosis also on {@code /passthrough/hello} (a filter that does nothing: Liberty's cost of any
     * filter). The order of the three changes every round, so none is always first or always on
     * the warmest server.
     */
    private void load(String app, String authorization) throws Exception {
        int requests = Integer.parseInt(options.get("load-requests"));
        int rounds = Integer.parseInt(options.get("load-rounds"));
        int concurrency = Integer.parseInt(options.get("concurrency"));
        int warmup = Integer.parseInt(options.get("load-warmup"));
        String[] paths = {"/protected/hello", "/open/hello", "/passthrough/hello"};
        Duration limit = Duration.ofMinutes(2);
        long[] nanos = new long[paths.length];
        double[] protectedToOpen = new double[rounds];
        double[] passthroughToOpen = new double[rounds];
        long errors = 0;
        try (LoadDriver driver = new LoadDriver(concurrency)) {
            System.out.printf(Locale.ROOT, "load: %d requests per path and round, %d threads, after %d warm-up"
                    + " requests per path%n", requests, concurrency, warmup);
            for (String path : paths) {
                driver.run(URI.create(app + path), authorization, warmup, limit);
            }
            for (int round = 0; round < rounds; round++) {
                double[] perSecond = new double[paths.length];
                for (int index : order(round, paths.length)) {
                    LoadDriver.Run run = driver.run(URI.create(app + paths[index]), authorization, requests, limit);
                    nanos[index] += run.nanos();
                    errors += run.errors();
                    perSecond[index] = run.perSecond();
                }
                protectedToOpen[round] = perSecond[0] / perSecond[1];
                passthroughToOpen[round] = perSecond[2] / perSecond[1];
                System.out.printf(Locale.ROOT, "  round %2d: protected %6.0f, open %6.0f, passthrough %6.0f req/s;"
                        + " protected/open %.3f%n", round + 1, perSecond[0], perSecond[1], perSecond[2],
                        protectedToOpen[round]);
            }
        }
        double[] rate = new double[paths.length];
        for (int i = 0; i < paths.length; i++) {
            rate[i] = (double) requests * rounds * 1e9 / nanos[i];
        }
        double ratio = rate[0] / rate[1];
        summary.add(String.format(Locale.ROOT, "load, %d rounds x %d requests per path, %d threads, closed loop on loopback:",
                rounds, requests, concurrency));
        summary.add(String.format(Locale.ROOT, "  /protected/hello (AuthVitalFilter, valid token)  %8.0f req/s", rate[0]));
        summary.add(String.format(Locale.ROOT, "  /open/hello (no filter, same request)            %8.0f req/s", rate[1]));
        summary.add(String.format(Locale.ROOT, "  ratio %.3f, per-round ratios %s; target >= %.2f: %s; %d errors", ratio,
                quartiles(protectedToOpen), LOAD_TARGET, ratio >= LOAD_TARGET ? "met" : "MISSED", errors));
        summary.add(String.format(Locale.ROOT, "  diagnosis: /passthrough/hello (a filter doing nothing) %.0f req/s,"
                + " passthrough/open %.3f (per round %s), protected/passthrough %.3f",
                rate[2], rate[2] / rate[1], quartiles(passthroughToOpen), rate[0] / rate[2]));
        if (errors > 0) {
            throw new IllegalStateException(errors + " requests did not answer 200: the figures are not comparable");
        }
    }

    /** The order of the paths in a round: rotated by one each round, reversed every other cycle. */
    private static int[] order(int round, int paths) {
        int[] order = new int[paths];
        boolean reversed = (round / paths) % 2 == 1;
        for (int i = 0; i < paths; i++) {
            int position = reversed ? paths - 1 - i : i;
            order[position] = (round + i) % paths;
        }
        return order;
    }

    /** "median M (quartiles Q1..Q3)" of per-round ratios: how much one round's figure can be trusted. */
    private static String quartiles(double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.3f (quartiles %.3f..%.3f)", quantile(sorted, 0.5),
                quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
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

    /** {@code server start|stop <name>}; waits at most three minutes. */
    private synchronized void server(String action) {
        Path script = Path.of(options.get("wlp"), "bin", "server");
        try {
            Process process = new ProcessBuilder(script.toString(), action, options.get("server")).inheritIO().start();
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

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
