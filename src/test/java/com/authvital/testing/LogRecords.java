package com.authvital.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What a class of the module logged through {@code System.Logger}, which outside a server writes
 * to {@code java.util.logging} under the class's name: the records with their parameters filled in.
 */
public final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** Starts recording what {@code source} logs; {@link #close()} stops it. */
    public static LogRecords of(Class<?> source) {
        return new LogRecords(Logger.getLogger(source.getName()));
    }

    /** Whether a record of this level holds every one of {@code parts}. */
    public boolean has(Level level, String... parts) {
        return lines.stream().anyMatch(line -> line.startsWith(level.getName() + " ")
                && List.of(parts).stream().allMatch(line::contains));
    }

    /** Every line recorded, for a test's failure message. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel().getName() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }

    @Override
    public String toString() {
        return lines.stream().collect(Collectors.joining("\n", "logged:\n", ""));
    }
}
