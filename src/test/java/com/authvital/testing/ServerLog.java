package com.authvital.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The test server's log, where what the module logs through {@code System.Logger} lands:
 * Liberty's {@code messages.log}, or WildFly's {@code standalone/log/server.log} when the tests
 * run there ({@code -Pwildfly}); client-side tests read it. Failsafe passes the paths.
 */
public final class ServerLog {

    private static final Path FILE = "wildfly".equals(System.getProperty("test.server"))
            ? Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log")
            : Path.of(System.getProperty("liberty.server.log",
                    "target/liberty/wlp/usr/servers/authvital-test/logs/messages.log"));

    private ServerLog() {
    }

    /**
     * Whether {@code line} is a warning of the module's message {@code id}: Liberty writes
     * {@code W AV1215W: ...}, WildFly {@code WARN  [logger] (thread) AV1215W: ...}.
     */
    public static boolean isWarning(String line, String id) {
        return at(line, "W", "WARN", id);
    }

    /** Whether {@code line} is an informational line of the message {@code id}, as {@link #isWarning}. */
    public static boolean isInfo(String line, String id) {
        return at(line, "I", "INFO", id);
    }

    private static boolean at(String line, String libertyLetter, String wildflyLevel, String id) {
        return line.contains(" " + libertyLetter + " " + id)
                || line.matches(".* " + wildflyLevel + " +\\[[^]]+\\] \\([^)]*\\) " + id + ".*");
    }

    /** The log file of the server the tests run on. */
    public static Path file() {
        return FILE;
    }

    /** The whole log as it is now. */
    public static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server log " + FILE, e);
        }
    }

    /**
     * The first line holding every one of {@code parts}, waiting up to 5 seconds for the server to
     * write it; fails the test, with the log's tail, when there is none.
     */
    public static String lineWith(String... parts) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<String> lines = text().lines().toList();
            for (String line : lines) {
                if (List.of(parts).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line of the server log holds " + List.of(parts) + "; its end:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while reading the server log", e);
            }
        }
    }
}
