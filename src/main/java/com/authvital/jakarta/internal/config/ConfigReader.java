package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.http.RequestOrigin;
import com.authvital.jakarta.internal.http.UrlPatterns;
import com.authvital.jakarta.internal.message.ConfigKeys;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads settings one way, from MicroProfile Config or a filter's or servlet's init-params alike:
 * values trimmed, a blank one unset, each type parsed and checked here, and every problem kept,
 * naming its key, instead of stopping at the first; {@link #done()} reports them together (AV0001).
 */
final class ConfigReader {

    private final Function<String, Optional<String>> source;
    private final List<String> problems = new ArrayList<>();

    ConfigReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    Optional<String> lookup(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    String required(String key, String environment, String what) {
        Optional<String> value = lookup(key);
        if (value.isEmpty()) {
            problems.add("'" + key + "' is missing: set it (or the environment variable " + environment
                    + ") to " + what);
        }
        return value.orElse("");
    }

    boolean flag(String key, boolean fallback) {
        Optional<String> raw = lookup(key).map(v -> v.toLowerCase(Locale.ROOT));
        if (raw.isEmpty()) {
            return fallback;
        }
        if (!raw.get().equals("true") && !raw.get().equals("false")) {
            problems.add("'" + key + "' is neither true nor false");
            return fallback;
        }
        return raw.get().equals("true");
    }

    URI url(String key, boolean required, boolean insecureHttp) {
        Optional<String> raw = lookup(key);
        if (raw.isEmpty()) {
            if (required) {
                problems.add("'" + key + "' is missing: set it (or the environment variable "
                        + "AUTHVITAL_HOST) to the IdP's base URL, e.g. https://auth.example.com");
            }
            return null;
        }
        String value = raw.get().replaceAll("/+$", "");
        try {
            URI uri = new URI(value);
            boolean web = "https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme());
            if (web && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                if ("http".equalsIgnoreCase(uri.getScheme()) && !insecureHttp && !isLoopback(uri.getHost())) {
                    // The signing keys come from this URL: over plain http anyone on the path could
                    // serve their own and sign tokens for any user.
                    problems.add("'" + key + "' uses plain http to a host other than loopback: use https "
                            + "(or, on a test network only, set '" + ConfigKeys.ALLOW_INSECURE_HTTP + "=true')");
                    return null;
                }
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the same advice as any other malformed value
        }
        problems.add("'" + key + "' is not an http(s) base URL without credentials, query or "
                + "fragment: set it to the IdP's base URL, e.g. https://auth.example.com");
        return null;
    }

    Duration timeout(String restKey, String key, Duration fallback) {
        Optional<String> restMillis = lookup(restKey);
        String usedKey = restMillis.isPresent() ? restKey : key;
        Optional<String> raw = restMillis.isPresent() ? restMillis.map(ms -> ms + "ms") : lookup(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        Optional<Duration> parsed = Durations.parse(raw.get());
        if (parsed.isPresent() && !parsed.get().isNegative() && !parsed.get().isZero()
                && parsed.get().compareTo(AuthVitalConfig.MAX_TIMEOUT) <= 0) {
            return parsed.get();
        }
        problems.add("'" + usedKey + "' is not a timeout between 1ms and 5 minutes: set it like "
                + (usedKey.equals(restKey) ? "2000 (milliseconds)" : "2s, 500ms or PT2S"));
        return fallback;
    }

    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> raw = lookup(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        Optional<Duration> parsed = Durations.parse(raw.get());
        if (parsed.isPresent() && parsed.get().compareTo(min) >= 0 && parsed.get().compareTo(max) <= 0) {
            return parsed.get();
        }
        problems.add("'" + key + "' is not a duration between " + min + " and " + max
                + ": set it like 30s, 500ms or PT30S");
        return fallback;
    }

    int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = lookup(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("'" + key + "' is not a whole number from " + min + " to " + max);
        return fallback;
    }

    /** The servlet URL patterns of {@code key}, each checked; empty when it is unset. */
    Optional<List<String>> urlPatterns(String key) {
        Optional<String> raw = lookup(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        List<String> patterns = split(raw.get());
        if (patterns.isEmpty()) {
            problems.add("'" + key + "' is set but names no pattern: list them separated by commas, "
                    + "like /api/*, /admin/*, or leave it unset");
        }
        for (String pattern : patterns) {
            if (!UrlPatterns.isUrlPattern(pattern)) {
                problems.add("'" + key + "' has '" + pattern + "', not a servlet URL pattern: use /exact, "
                        + "/prefix/* or *.extension");
            }
        }
        return Optional.of(patterns);
    }

    String cookieName(String key, String fallback) {
        String name = lookup(key).orElse(fallback);
        // RFC 6265 §4.1.1: a cookie name is an RFC 7230 token.
        if (name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            return name;
        }
        problems.add("'" + key + "' is not a valid cookie name: use letters, digits and - _ .");
        return fallback;
    }

    /** The origins of {@code key} ({@code https://a.example, https://b.example}), each a bare origin; empty when unset. */
    Optional<List<String>> origins(String key) {
        Optional<String> raw = lookup(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        List<String> origins = split(raw.get());
        for (String origin : origins) {
            if (!RequestOrigin.of(origin).map(o -> o.equalsIgnoreCase(origin.replaceAll("/+$", ""))).orElse(false)) {
                problems.add("'" + key + "' has '" + origin + "', not an origin like https://app.example.com");
            }
        }
        return Optional.of(origins);
    }

    /** A comma-separated list of {@code key}, blanks dropped; empty when unset. */
    List<String> list(String key) {
        return lookup(key).map(ConfigReader::split).orElse(List.of());
    }

    /** The constant of {@code type} that {@code key} names, in any letter case; {@code fallback} when unset. */
    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Optional<String> raw = lookup(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add("'" + constant.name().toLowerCase(Locale.ROOT) + "'");
            }
            problems.add("'" + key + "' is " + (names.size() == 2 ? "neither " + names.get(0) + " nor " + names.get(1)
                    : "none of " + String.join(", ", names)));
            return fallback;
        }
    }

    /**
     * The AES-256 key under {@code key}: 32 bytes in base64 (standard or URL-safe); empty when
     * unset, or when it is not one (a problem that never shows the value: it is a secret).
     */
    Optional<byte[]> aesKey(String key) {
        return lookup(key).flatMap(value -> {
            byte[] bytes;
            try {
                bytes = (value.contains("-") || value.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(value);
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            if (bytes.length != 32) {
                problems.add("'" + key + "' is not 32 bytes in base64: make one with 'openssl rand -base64 32' "
                        + "and give every server of the application the same");
                return Optional.empty();
            }
            return Optional.of(bytes);
        });
    }

    /** Problems so far; the caller adds its own checks across keys. */
    void problem(String sentence) {
        problems.add(sentence);
    }

    /** @throws AuthVitalConfigException with every problem found, when there is one */
    void done() {
        if (!problems.isEmpty()) {
            throw new AuthVitalConfigException(problems);
        }
    }

    /** A comma-separated list, blanks dropped. */
    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /**
     * Whether {@code host} (as {@link URI#getHost()} gives it) names this machine by itself:
     * {@code localhost}, 127.0.0.0/8 or {@code ::1}, as literals; no name is looked up.
     */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        boolean ipv4 = name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ipv4 && !(name.startsWith("[") && name.endsWith("]"))) {
            return false;
        }
        try {
            return InetAddress.getByName(ipv4 ? name : name.substring(1, name.length() - 1)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // not a literal after all
        }
    }
}
