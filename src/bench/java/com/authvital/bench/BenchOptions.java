package com.authvital.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server benchmarks ({@link LibertyBench}, {@link WildFlyBench}) share before they start:
 * their {@code --name value} options over defaults, and the JVM settings of the stand-in IdP they
 * run in-process.
 */
final class BenchOptions {

    private BenchOptions() {
    }

    /**
     * {@code defaults} (name, value…) with {@code args} ({@code --name value}…) over them; an option
     * not among the defaults ends the JVM with status 2, naming the known ones.
     */
    static Map<String, String> parse(String[] defaults, String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
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
        return options;
    }

    /**
     * Read once, at their first use, so set first. The JDK's HttpServer (the stand-in IdP) leaves
     * Nagle's algorithm on: it writes the headers and the body of an answer apart, and the body
     * then waits for the client's delayed ACK, 40 ms or more per call on a kept-alive connection.
     * Without a named provider, every jakarta.json.Json call (the stand-in makes several per
     * request) looks the provider up with a ServiceLoader over the whole test classpath, a few
     * hundred jar entries: that, not the RSA signature, was most of minting a token.
     */
    static void standInJvm() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (System.getProperty("jakarta.json.provider") == null) {
            System.setProperty("jakarta.json.provider", "org.eclipse.parsson.JsonProviderImpl");
        }
    }
}
