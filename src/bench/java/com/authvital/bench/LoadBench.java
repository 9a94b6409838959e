package com.authvital.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The load benchmark: the same servlet on one server, unprotected, behind the module's filter
 * (token cache on and off, its shared state in memory or on JCache), behind the module as a
 * Jakarta Security mechanism and behind the server's own MicroProfile JWT (Liberty's
 * {@code mpJwt-2.1}, WildFly's smallrye-jwt), or (issue 20, on a server exporting its telemetry)
 * behind the filter with the module's telemetry on and off, driven by the same closed
 * loop ({@link LoadDriver}) with one token, or many distinct tokens rotated. For each scenario,
 * after a warm-up, rounds in which every path runs once, the order rotating; the judged figure
 * of a path is the median over the rounds of its throughput divided by the unprotected
 * servlet's in the same round, so that a busier minute of the machine weighs on both. Before
 * it all, unrelated tokens are logged out on the filter's WARs ({@link Denials}), so that their
 * revocation check has denials to look up, as it would after an application's first logouts.
 */
final class LoadBench {

    /**
     * A path under load; {@code protectedPath}: answers 401 without a valid token;
     * {@code denials}: its WAR maps the module's logout at {@link BenchWar#LOGOUT_PATH}, through
     * which {@link Denials} logs unrelated tokens out before anything is measured.
     */
    record Target(String key, String label, String path, boolean protectedPath, boolean denials) {

        /** The logout servlet of its WAR: {@code /bench/logout} for {@code /bench/protected/hello}. */
        String logoutPath() {
            return path.substring(0, path.indexOf('/', 1)) + BenchWar.LOGOUT_PATH;
        }

        /** The same path under another label: the peer's label names the server's own MicroProfile JWT. */
        Target labelled(String label) {
            return new Target(key, label, path, protectedPath, denials);
        }

        /** A path is known by its key, whatever its label. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Target target && target.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    /** Rotates {@code tokens} distinct tokens; {@code target}: the filter's ratio to reach, 0 for none. */
    record Scenario(String label, int tokens, double target) {
    }

    /**
     * How much load: rounds, requests per path and round, warm-up requests per path and cycle
     * and the warm-up's time limit, warm-up requests per path before each scenario,
     * connections, the time limit of one run.
     */
    record Settings(int rounds, int requests, int warmup, Duration warmupLimit, int scenarioWarmup, int connections,
            Duration limit) {
    }

    static final Target OPEN = new Target("open", "unprotected", "/bench/open/hello", false, false);
    static final Target FILTER = new Target("filter", "our filter", "/bench/protected/hello", true, true);
    static final Target JCACHE = new Target("jcache", "our filter, JCache store (Hazelcast)",
            "/bench-jcache/protected/hello", true, true);
    static final Target NO_CACHE = new Target("nocache", "our filter, token cache off",
            "/bench-nocache/protected/hello", true, false);
    static final Target MECHANISM = new Target("mechanism", "our Jakarta Security mechanism",
            "/bench-mechanism/protected/hello", true, false);
    static final Target MP_JWT = new Target("mpjwt", "Liberty mpJwt-2.1", "/bench-mpjwt/protected/hello", true, false);
    /** As {@link #FILTER}, the module's telemetry off in its WAR: the other side of issue 20's comparison. */
    static final Target NO_TELEMETRY = new Target("notelemetry", "our filter, its telemetry off",
            "/bench-notelemetry/protected/hello", true, true);
    static final Target PASS_THROUGH = new Target("passthrough", "a filter doing nothing",
            "/bench/passthrough/hello", false, false);
    private static final List<Target> TARGETS = List.of(OPEN, FILTER, JCACHE, NO_CACHE, MECHANISM, MP_JWT,
            PASS_THROUGH, NO_TELEMETRY);

    /** The targets for the filter, as a fraction of the unprotected servlet's throughput. */
    private static final Map<Integer, Double> FILTER_TARGETS = Map.of(1, 0.97, 400, 0.93, 2000, 0.90, 20000, 0.70);

    /**
     * Issue 12's targets for the filter on the JCache store, as a fraction of the same filter's
     * throughput on the in-memory store: the per-request revocation check is answered from each
     * server's memory either way, so the shared store must cost next to nothing.
     */
    private static final Map<Integer, Double> JCACHE_TARGETS = Map.of(1, 0.95, 2000, 0.95);

    /**
     * Issue 20's targets for the filter with the module's telemetry on, as a fraction of the same
     * filter with it off ({@link #NO_TELEMETRY}), on a server exporting its telemetry: within 3%.
     */
    private static final Map<Integer, Double> TELEMETRY_TARGETS = Map.of(1, 0.97, 2000, 0.97);

    /** Unrelated tokens logged out on each WAR with {@code denials} before measuring. */
    private static final int DENIED_TOKENS = 300;

    /** Distinct tokens of the global warm-up: enough that the warm-up also runs the cache's misses. */
    private static final int WARMUP_TOKENS = 1000;

    private final InetSocketAddress server;
    private final long serverPid;
    private final Settings settings;
    private final List<Target> targets;
    private final List<Scenario> scenarios;
    private final List<String> summary = new ArrayList<>();
    private final Map<Target, Long> sent = new HashMap<>();
    private long errors;

    /** {@code serverPid}: the Liberty server's process, to tell its CPU time from others' (0: unknown). */
    LoadBench(InetSocketAddress server, long serverPid, Settings settings, String paths, String tokenCounts) {
        this(server, serverPid, settings, paths, tokenCounts, MP_JWT.label());
    }

    /** {@code peer}: the label of {@link #MP_JWT}, the server's own MicroProfile JWT, e.g. "WildFly smallrye-jwt". */
    LoadBench(InetSocketAddress server, long serverPid, Settings settings, String paths, String tokenCounts,
            String peer) {
        this.server = server;
        this.serverPid = serverPid;
        this.settings = settings;
        this.targets = Arrays.stream(paths.split(",")).map(String::trim).map(LoadBench::target)
                .map(target -> target.equals(MP_JWT) ? target.labelled(peer) : target)
                .collect(Collectors.toList());
        if (!targets.contains(OPEN)) {
            throw new IllegalArgumentException("the load paths must include 'open': the ratios are to it");
        }
        this.scenarios = Arrays.stream(tokenCounts.split(",")).map(String::trim).map(Integer::parseInt)
                .map(count -> new Scenario(label(count), count, FILTER_TARGETS.getOrDefault(count, 0.0)))
                .collect(Collectors.toList());
    }

    /**
     * Mints the tokens, checks every path, warms up, runs every scenario's rounds; answers the
     * summary to print at the end.
     *
     * @throws IllegalStateException when a path answers what it should not, before or during the load
     */
    List<String> run(TokenMint mint) throws Exception {
        long start = System.nanoTime();
        int total = DENIED_TOKENS + WARMUP_TOKENS + scenarios.stream().mapToInt(Scenario::tokens).sum();
        byte[][] deniedTokens = mint.mint(DENIED_TOKENS, Duration.ofMinutes(3));
        byte[][] warmupTokens = mint.mint(WARMUP_TOKENS, Duration.ofMinutes(3));
        List<byte[][]> scenarioTokens = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            scenarioTokens.add(mint.mint(scenario.tokens(), Duration.ofMinutes(3)));
        }
        System.out.printf(Locale.ROOT, "load: minted %d distinct tokens through the stand-in's /dev/tokens in %.1f s%n",
                total, (System.nanoTime() - start) / 1e9);
        try (LoadDriver driver = new LoadDriver(server, settings.connections())) {
            new Denials(server).logOut(targets.stream().filter(Target::denials).toList(), deniedTokens);
            new LoadChecks(server, targets).verify(driver, warmupTokens[0], deniedTokens[0]);
            warmUp(driver, warmupTokens);
            String header = "| scenario | " + targets.stream().filter(t -> t != OPEN).map(Target::label)
                    .collect(Collectors.joining(" | ")) + " | target for our filter |"
                    + (targets.contains(MECHANISM) ? " our mechanism |" : "")
                    + (targets.contains(JCACHE) ? " JCache store / in-memory store |" : "")
                    + (targets.contains(NO_TELEMETRY) ? " telemetry on / off (our filter) |" : "");
            summary.add(String.format(Locale.ROOT, "load, %d rounds x %d requests per path and scenario, %d connections,"
                    + " closed loop on loopback; throughput relative to the unprotected servlet, median over the rounds"
                    + " of the ratio in the same round (quartiles in brackets):", settings.rounds(), settings.requests(),
                    settings.connections()));
            summary.add(header);
            summary.add(header.replaceAll("[^|]+", " --- "));
            List<String> rates = new ArrayList<>();
            for (int s = 0; s < scenarios.size(); s++) {
                rates.add(scenario(driver, scenarios.get(s), scenarioTokens.get(s)));
            }
            summary.add("throughput, req/s over all rounds (" + targets.stream().map(Target::label)
                    .collect(Collectors.joining(", ")) + "):");
            summary.addAll(rates);
        }
        summary.add(String.format(Locale.ROOT, "  %d errors (answers other than 200 under load)", errors));
        if (errors > 0) {
            summary.forEach(System.out::println);
            throw new IllegalStateException(errors + " requests did not answer 200: the figures are not comparable");
        }
        return summary;
    }

    /**
     * Cycles of every path, {@code warmup} requests each, until the server stops getting
     * faster: at least eight cycles, the last three each less than 3% above the fastest before
     * it; or the time limit. On two cores Liberty's JIT takes a few hundred thousand requests
     * (a minute or two), and rounds on a server still getting faster would favour
     * whichever path runs later. Single cycles vary by 10% on this shared machine, hence three.
     */
    private void warmUp(LoadDriver driver, byte[][] tokens) throws Exception {
        long start = System.nanoTime();
        long deadline = start + settings.warmupLimit().toNanos();
        StringBuilder curve = new StringBuilder();
        double fastest = 0;
        int flat = 0;
        int cycles = 0;
        while ((cycles < 8 || flat < 3) && System.nanoTime() < deadline) {
            long nanos = 0;
            for (Target target : targets) {
                LoadDriver.Run run = driver.run(target.path(), tokens, settings.warmup(), settings.limit());
                count(target, run);
                nanos += run.nanos();
            }
            double rate = (double) settings.warmup() * targets.size() * 1e9 / nanos;
            flat = cycles > 0 && rate < fastest * 1.03 ? flat + 1 : 0;
            fastest = Math.max(fastest, rate);
            cycles++;
            curve.append(String.format(Locale.ROOT, " %.0f", rate));
        }
        System.out.printf(Locale.ROOT, "load: warm-up, %d cycles of %d requests per path over %d tokens in %.0f s%s;"
                + " req/s of each cycle, all paths:%s%n", cycles, settings.warmup(), tokens.length,
                (System.nanoTime() - start) / 1e9, cycles < 8 || flat < 3 ? " (time limit: still getting faster)" : "", curve);
    }

    /** One scenario's warm-up and rounds; adds its row to the summary, answers its line of throughputs. */
    private String scenario(LoadDriver driver, Scenario scenario, byte[][] tokens) throws Exception {
        int warmup = settings.scenarioWarmup();
        String loadAverage = Machine.loadAverage();
        System.out.printf(Locale.ROOT, "load, %s: %d rounds x %d requests per path (each token %s per round),"
                        + " after %d warm-up requests per path; load average %s%n", scenario.label(), settings.rounds(),
                settings.requests(), times((double) settings.requests() / tokens.length), warmup, loadAverage);
        for (Target target : targets) {
            count(target, driver.run(target.path(), tokens, warmup, settings.limit()));
        }
        int paths = targets.size();
        long[] nanos = new long[paths];
        double[][] ratios = new double[paths][settings.rounds()];
        int open = targets.indexOf(OPEN);
        CpuUse before = CpuUse.now(serverPid);
        for (int round = 0; round < settings.rounds(); round++) {
            double[] perSecond = new double[paths];
            for (int index : Rounds.order(round, paths)) {
                LoadDriver.Run run = driver.run(targets.get(index).path(), tokens, settings.requests(), settings.limit());
                count(targets.get(index), run);
                nanos[index] += run.nanos();
                perSecond[index] = run.perSecond();
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  round %d:", round + 1));
            for (int i = 0; i < paths; i++) {
                ratios[i][round] = perSecond[i] / perSecond[open];
                line.append(String.format(Locale.ROOT, " %s %.0f", targets.get(i).key(), perSecond[i]));
                if (i != open) {
                    line.append(String.format(Locale.ROOT, " (%.3f)", ratios[i][round]));
                }
            }
            line.append(" req/s");
            if (targets.contains(JCACHE) && targets.contains(FILTER)) {
                line.append(String.format(Locale.ROOT, "; jcache/filter %.3f",
                        perSecond[targets.indexOf(JCACHE)] / perSecond[targets.indexOf(FILTER)]));
            }
            if (targets.contains(NO_TELEMETRY) && targets.contains(FILTER)) {
                line.append(String.format(Locale.ROOT, "; filter/notelemetry %.3f",
                        perSecond[targets.indexOf(FILTER)] / perSecond[targets.indexOf(NO_TELEMETRY)]));
            }
            System.out.println(line);
        }
        String cpu = CpuUse.now(serverPid).since(before);
        System.out.println("  " + cpu);
        StringBuilder row = new StringBuilder("| " + scenario.label() + " |");
        StringBuilder rates = new StringBuilder("  " + scenario.label() + ":");
        for (int i = 0; i < paths; i++) {
            rates.append(String.format(Locale.ROOT, " %.0f", (double) settings.requests() * settings.rounds() * 1e9 / nanos[i]));
            if (i != open) {
                row.append(String.format(Locale.ROOT, " %.2f (%s) |", Rounds.median(ratios[i]), Rounds.quartileRange(ratios[i])));
            }
        }
        row.append(' ').append(verdict(scenario, ratios)).append(" |");
        if (targets.contains(MECHANISM)) {
            row.append(' ').append(mechanismVerdict(ratios)).append(" |");
        }
        if (targets.contains(JCACHE)) {
            row.append(' ').append(pairVerdict(JCACHE, FILTER, JCACHE_TARGETS, scenario, ratios)).append(" |");
        }
        if (targets.contains(NO_TELEMETRY)) {
            row.append(' ').append(pairVerdict(FILTER, NO_TELEMETRY, TELEMETRY_TARGETS, scenario, ratios)).append(" |");
        }
        summary.add(row.toString());
        return rates.append(" req/s; load average ").append(loadAverage).append(" before, rounds' ").append(cpu).toString();
    }

    /** "≥ 0.90: met; ahead of mpJwt: yes", from the medians. */
    private String verdict(Scenario scenario, double[][] ratios) {
        int filter = targets.indexOf(FILTER);
        if (filter < 0) {
            return "(our filter not measured)";
        }
        double ours = Rounds.median(ratios[filter]);
        StringBuilder verdict = new StringBuilder();
        if (scenario.target() > 0) {
            verdict.append(String.format(Locale.ROOT, ">= %.2f: %s", scenario.target(),
                    ours >= scenario.target() ? "met" : "MISSED"));
        } else {
            verdict.append("no target");
        }
        int mpJwt = targets.indexOf(MP_JWT);
        if (mpJwt >= 0) {
            verdict.append("; ahead of mpJwt: ").append(ours > Rounds.median(ratios[mpJwt]) ? "yes" : "NO");
        }
        return verdict.toString();
    }

    /**
     * "ahead of mpJwt: yes", from the medians: the target for the mechanism is at least
     * mpJwt's throughput, so a tie counts.
     */
    private String mechanismVerdict(double[][] ratios) {
        int mpJwt = targets.indexOf(MP_JWT);
        if (mpJwt < 0) {
            return "(mpJwt not measured)";
        }
        return "ahead of mpJwt: " + (Rounds.median(ratios[targets.indexOf(MECHANISM)])
                >= Rounds.median(ratios[mpJwt]) ? "yes" : "NO");
    }

    /**
     * "median 0.981 (quartiles 0.970..0.990); >= 0.95: met": {@code path} against {@code base}
     * round by round (the filter on the JCache store against the same on the in-memory store; the
     * filter with its telemetry on against off), the median judged against {@code goals} by token
     * count. Both ratios are to the same round's unprotected servlet, so theirs is the two paths'
     * throughputs in that round.
     */
    private String pairVerdict(Target path, Target base, Map<Integer, Double> goals, Scenario scenario,
            double[][] ratios) {
        int over = targets.indexOf(base);
        if (over < 0 || targets.indexOf(path) < 0) {
            return "(" + (over < 0 ? base : path).label() + " not measured)";
        }
        int measured = targets.indexOf(path);
        double[] perRound = new double[settings.rounds()];
        for (int round = 0; round < perRound.length; round++) {
            perRound[round] = ratios[measured][round] / ratios[over][round];
        }
        double median = Rounds.median(perRound);
        double target = goals.getOrDefault(scenario.tokens(), 0.0);
        return Rounds.quartiles(perRound) + "; " + (target > 0
                ? String.format(Locale.ROOT, ">= %.2f: %s", target, median >= target ? "met" : "MISSED") : "no target");
    }

    private void count(Target target, LoadDriver.Run run) {
        errors += run.errors();
        sent.merge(target, (long) run.requests(), Long::sum);
    }

    /** The requests sent to {@code target} under load so far (warm-ups and rounds; not the checks' few). */
    long sent(Target target) {
        return sent.getOrDefault(target, 0L);
    }

    private static String times(double times) {
        return times == 1 ? "once" : String.format(Locale.ROOT, times >= 10 ? "%.0f times" : "%.1f times", times);
    }

    private static String label(int tokens) {
        return tokens == 1 ? "one token" : String.format(Locale.ROOT, "%,d distinct tokens rotated", tokens);
    }

    private static Target target(String key) {
        return TARGETS.stream().filter(target -> target.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown load path '" + key + "'; known: "
                        + TARGETS.stream().map(Target::key).collect(Collectors.joining(","))));
    }
}
