package com.authvital.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One application on several servers of one kind, started together and stopped together by
 * {@link #close()}: Open Liberty ({@link LibertyCluster}) or WildFly ({@link WildFlyCluster}).
 * The two-server tests ({@code com.authvital.jakarta.cluster}) see only this, so that the same
 * tests run on either.
 *
 * <pre>
 * try (Cluster cluster = ClusterApp.start(...)) {
 *     new TestHttp(cluster.server("av-cluster-a").app()).get("api/me");
 * }
 * </pre>
 */
public interface Cluster extends AutoCloseable {

    /** The servers, in the order they were asked for. */
    List<? extends Server> servers();

    /** The server named {@code name}. */
    default Server server(String name) {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server " + name + " in " + servers()));
    }

    /** Stops every server, together; waits for them. Nothing of theirs runs after. */
    @Override
    void close();

    /** One running server of the cluster, as a test sees it from outside: where it answers, and its log. */
    interface Server {

        /** Its name, e.g. {@code av-cluster-a}. */
        String name();

        /** The absolute URL of {@code path} in the application, e.g. {@code url("api/me")}. */
        String url(String path);

        /** The log where the module's and Hazelcast's lines land ({@code messages.log}, {@code server.log}). */
        Path log();

        /** {@code url("")}: {@code http://127.0.0.1:<port><contextRoot>/}, with the slash, for {@link TestHttp}. */
        default URL app() {
            try {
                return URI.create(url("")).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** How long its log is now: what {@link #awaitLog} and {@link #logAfter} read after. */
        default long logMark() {
            try {
                return Files.exists(log()) ? Files.size(log()) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The first line written to its log after {@code mark} that holds every one of
         * {@code parts}, waiting up to {@code within}; fails, with the log's end, when there is none.
         */
        default String awaitLog(long mark, Duration within, String... parts) {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                List<String> lines = logAfter(mark).lines().toList();
                for (String line : lines) {
                    if (Stream.of(parts).allMatch(line::contains)) {
                        return line;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no line of " + log() + " written in the last " + within.toSeconds()
                            + " s holds " + List.of(parts) + "; its end:\n" + ClusterSupport.tail(lines, 30));
                }
                ClusterSupport.sleep(Duration.ofMillis(100));
            }
        }

        /** What its log holds past {@code mark}. */
        default String logAfter(long mark) {
            try {
                if (!Files.exists(log())) {
                    return "";
                }
                byte[] all = Files.readAllBytes(log());
                return new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
