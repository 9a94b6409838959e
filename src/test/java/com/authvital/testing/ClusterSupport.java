package com.authvital.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/** What {@link LibertyCluster} and {@link WildFlyCluster} do alike: on every server at once, readiness, files. */
final class ClusterSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private ClusterSupport() {
    }

    /** Runs {@code action} on every server at once; the first failure is thrown once all are done. */
    static <S> void together(List<S> servers, Function<S, String> threadName, Consumer<S> action) {
        List<CompletableFuture<Void>> all = servers.stream()
                .map(server -> CompletableFuture.runAsync(() -> action.accept(server), runnable -> {
                    Thread thread = new Thread(runnable, threadName.apply(server));
                    thread.setDaemon(true);
                    thread.start();
                })).toList();
        RuntimeException first = null;
        for (CompletableFuture<Void> each : all) {
            try {
                each.join();
            } catch (CompletionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Asks {@code probe} until it answers 200 and answers {@code null}, or, once {@code within} has
     * passed, answers what it last got (a status, an exception).
     */
    static String awaitOk(URI probe, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = HTTP.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return null;
                }
                last = "answered " + status;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        return last;
    }

    /** Whether something accepts connections at 127.0.0.1:{@code port}. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(List<String> lines, int count) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The last {@code count} lines of {@code file}, or a word that says why there are none. */
    static String tail(Path file, int count) {
        try {
            return Files.exists(file) ? tail(Files.readAllLines(file), count) : "(" + file + " does not exist)";
        } catch (IOException e) {
            return "(" + file + " cannot be read: " + e + ")";
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
