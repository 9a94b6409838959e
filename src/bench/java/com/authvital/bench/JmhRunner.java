package com.authvital.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TokenValidationBenchmark} in interleaved rounds (each round one JMH run of every
 * benchmark, one fork each) and prints the three figures, their ratios to the floor and the
 * targets. Rounds rather than one long run per benchmark, so that a busier minute of a shared
 * machine weighs on every benchmark alike; the targets are judged on the median iteration, which
 * a burst of another tenant's work does not move (see {@link #print}); beside it come the mean
 * and the CPU time per operation ({@link CpuTime}), which waiting for a core does not inflate.
 *
 * <p>{@code java -cp <test classpath> com.authvital.bench.JmhRunner [--rounds N] [--breakdown[=true|false]]
 * [--log-dir D] [JMH options]}; {@code --breakdown} adds {@link TokenValidationBreakdown}. JMH's
 * own report of each round goes to {@code D/jmh-round-N.txt}.
 */
public final class JmhRunner {

    private static final String FLOOR = "TokenValidationBenchmark.floorRawSignature";
    private static final String UNCACHED = "TokenValidationBenchmark.uncachedValidate";
    private static final String CACHED = "TokenValidationBenchmark.cachedValidate";
    private static final Map<String, Double> TARGETS = Map.of(UNCACHED, 1.15, CACHED, 0.03);

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(FLOOR, "(a) raw Signature SHA256withRSA verify (floor)");
        LABELS.put(UNCACHED, "(b) validate, token not seen before (cache off)");
        LABELS.put(CACHED, "(c) validate, token seen before (cache on)");
        String breakdown = "TokenValidationBreakdown.";
        LABELS.put(breakdown + "tokenCopy", "  the request's token string alone (in b and c)");
        LABELS.put(breakdown + "cachedSameInstance", "  (c) with the stored String instance (no hashing)");
        LABELS.put(breakdown + "signaturePerCall", "  (a) + Signature.getInstance + initVerify per call");
        LABELS.put(breakdown + "signaturePerCallPinned", "  (a) + getInstance(alg, provider) + initVerify");
        LABELS.put(breakdown + "nimbusVerify", "  nimbus SignedJWT.verify, RSASSAVerifier as built");
        LABELS.put(breakdown + "nimbusVerifyPinned", "  nimbus SignedJWT.verify, JCA provider pinned");
        LABELS.put(breakdown + "nimbusParse", "  nimbus SignedJWT.parse + getJWTClaimsSet");
        LABELS.put(breakdown + "nimbusHeader", "  nimbus JWSHeader.parse alone");
        LABELS.put(breakdown + "nimbusClaims", "  nimbus JWTClaimsSet.parse(json) alone");
        LABELS.put(breakdown + "principal", "  new AuthVitalPrincipal(nimbus claims, copied)");
        LABELS.put(breakdown + "filterWork", "  filter, known token: extract + validate (c) + wrap");
        LABELS.put(breakdown + "extractToken", "  TokenExtractor.accessToken (Bearer header)");
    }

    /**
     * One benchmark's figures: per round, wall-clock and CPU microseconds per operation; and the
     * wall-clock score of every measured one-second iteration of every round.
     */
    private record Figures(double[] wall, double[] cpu, List<Double> iterations) {
        Figures(int rounds) {
            this(new double[rounds], new double[rounds], new ArrayList<>());
        }
    }

    private JmhRunner() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 6;
        boolean breakdown = false;
        Path logDir = Path.of("target", "bench");
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--log-dir") && i + 1 < args.length) {
                logDir = Path.of(args[++i]);
            } else if (args[i].startsWith("--breakdown")) {
                breakdown = !args[i].equals("--breakdown=false");
            } else {
                jmhArgs.add(args[i]);
            }
        }
        Files.createDirectories(logDir);
        CommandLineOptions jmhOptions = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        System.out.println("Token validation benchmark, " + rounds + " interleaved rounds; " + Machine.describe());

        Map<String, Figures> figures = new LinkedHashMap<>();
        int roundCount = rounds;
        for (int round = 0; round < rounds; round++) {
            Path log = logDir.resolve("jmh-round-" + (round + 1) + ".txt");
            OptionsBuilder options = new OptionsBuilder();
            options.parent(jmhOptions).include(TokenValidationBenchmark.class.getName() + "\\.").output(log.toString());
            if (breakdown) {
                options.include(TokenValidationBreakdown.class.getName() + "\\.");
            }
            StringBuilder line = new StringBuilder("round " + (round + 1) + " (wall us/op):");
            for (RunResult result : new Runner(options.build()).run()) {
                String name = shortName(result.getParams().getBenchmark());
                Figures row = figures.computeIfAbsent(name, n -> new Figures(roundCount));
                row.wall()[round] = result.getPrimaryResult().getScore();
                row.cpu()[round] = cpuMicrosPerOp(result.getBenchmarkResults());
                for (BenchmarkResult fork : result.getBenchmarkResults()) {
                    fork.getIterationResults().forEach(iteration -> row.iterations().add(iteration.getPrimaryResult().getScore()));
                }
                line.append(String.format(Locale.ROOT, " %s %.3f", name.substring(name.indexOf('.') + 1),
                        row.wall()[round]));
            }
            System.out.println(line.append("; JMH report ").append(log));
        }
        print(figures, rounds);
    }

    /** CPU time of the measured iterations over their operations (warm-up and warm-down included in both). */
    private static double cpuMicrosPerOp(Collection<BenchmarkResult> forks) {
        double nanos = 0;
        long ops = 0;
        for (BenchmarkResult fork : forks) {
            for (IterationResult iteration : fork.getIterationResults()) {
                Result<?> cpu = iteration.getSecondaryResults().get("cpuNanos");
                if (cpu == null) {
                    return Double.NaN;
                }
                nanos += cpu.getScore();
                ops += iteration.getMetadata().getAllOps();
            }
        }
        return ops == 0 ? Double.NaN : nanos / ops / 1000;
    }

    private static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /**
     * The table. The targets are judged on the medians of the one-second iterations: on a shared
     * virtual machine a burst of another tenant's work lands on a few iterations of whichever
     * benchmark runs then, and moves a mean by several percent where it leaves the median be.
     * Beside it: the fastest iteration (interference only ever slows, so this is the cost with
     * the least of it; when the median and the fastest disagree, the run was a noisy one), the
     * means with their per-round range, and the CPU time.
     */
    private static void print(Map<String, Figures> figures, int rounds) {
        Figures floor = figures.get(FLOOR);
        double floorMedian = median(floor.iterations());
        double floorFastest = fastest(floor.iterations());
        System.out.println();
        System.out.println("== Token validation: JMH 1.37, average time, 1 thread, " + rounds
                + " interleaved rounds x 1 fork x 5 x 1 s (after 10 x 1 s warm-up) ==");
        System.out.println(Machine.describe() + " (at the end)");
        System.out.printf(Locale.ROOT, "%-55s %9s %7s %9s %7s %9s %7s %15s %9s %7s  %s%n", "", "median", "x floor",
                "fastest", "x floor", "mean", "x floor", "rounds x floor", "CPU us/op", "x floor",
                "target (on median x floor)");
        for (Map.Entry<String, String> label : LABELS.entrySet()) {
            Figures row = figures.get(label.getKey());
            if (row == null) {
                continue;
            }
            double median = median(row.iterations());
            double ratio = median / floorMedian;
            double wall = mean(row.wall());
            Double target = TARGETS.get(label.getKey());
            System.out.printf(Locale.ROOT, "%-55s %9.3f %7.4f %9.3f %7.4f %9.3f %7.4f %15s %9.3f %7.4f  %s%n",
                    label.getValue(), median, ratio, fastest(row.iterations()), fastest(row.iterations()) / floorFastest,
                    wall, wall / mean(floor.wall()), range(row.wall(), floor.wall()), mean(row.cpu()),
                    mean(row.cpu()) / mean(floor.cpu()),
                    target == null ? "" : (ratio <= target ? "met: <= " : "MISSED: > ") + target);
        }
        System.out.println("(us/op; median and fastest of the " + floor.iterations().size()
                + " measured iterations of each benchmark, mean of the rounds' averages)");
    }

    private static double fastest(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The lowest and highest per-round ratio to the floor. */
    private static String range(double[] values, double[] floor) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < values.length; i++) {
            low = Math.min(low, values[i] / floor[i]);
            high = Math.max(high, values[i] / floor[i]);
        }
        return String.format(Locale.ROOT, "%.3f..%.3f", low, high);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
