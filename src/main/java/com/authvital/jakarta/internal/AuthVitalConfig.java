package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the module, read and validated once. All problems are collected and thrown
 * together in one {@link AuthVitalConfigException}, each naming the key to set.
 */
public final class AuthVitalConfig {

    /** The IdP's base URL, e.g. {@code https://auth.example.com}. Required. */
    public static final String HOST = "authvital.host";
    /** The application's OAuth client id (the tokens' audience). Optional. */
    public static final String CLIENT_ID = "authvital.client-id";
    /** How long to wait for a connection to the IdP: {@code 500ms}, {@code 2s}, {@code PT2S}. */
    public static final String CONNECT_TIMEOUT = "authvital.connect-timeout";
    /** How long to wait for the IdP's answer once connected. */
    public static final String READ_TIMEOUT = "authvital.read-timeout";
    /** Name of the cookie holding the access token. */
    public static final String ACCESS_TOKEN_COOKIE = "authvital.cookie.access-token-name";
    /** Name of the cookie holding the refresh token. */
    public static final String REFRESH_TOKEN_COOKIE = "authvital.cookie.refresh-token-name";
    /** The MicroProfile REST Client's own keys for config key {@code authvital}; they win. */
    public static final String REST_URL = "authvital/mp-rest/url";
    public static final String REST_CONNECT_TIMEOUT = "authvital/mp-rest/connectTimeout";
    public static final String REST_READ_TIMEOUT = "authvital/mp-rest/readTimeout";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private final URI host;
    private final URI restUrl;
    private final Optional<String> clientId;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String accessTokenCookie;
    private final String refreshTokenCookie;

    private AuthVitalConfig(Reader r) {
        host = r.url(HOST, true);
        restUrl = r.lookup(REST_URL).isPresent() ? r.url(REST_URL, false) : host;
        clientId = r.lookup(CLIENT_ID);
        connectTimeout = r.timeout(REST_CONNECT_TIMEOUT, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = r.timeout(REST_READ_TIMEOUT, READ_TIMEOUT, DEFAULT_READ_TIMEOUT);
        accessTokenCookie = r.cookieName(ACCESS_TOKEN_COOKIE, "access_token");
        refreshTokenCookie = r.cookieName(REFRESH_TOKEN_COOKIE, "refresh_token");
    }

    /** Reads the settings from MicroProfile Config. */
    public static AuthVitalConfig load(Config config) {
        return load(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * Reads the settings from a lookup of raw values by key.
     *
     * @throws AuthVitalConfigException with every problem found
     */
    public static AuthVitalConfig load(Function<String, Optional<String>> lookup) {
        Reader reader = new Reader(lookup);
        AuthVitalConfig config = new AuthVitalConfig(reader);
        if (!reader.problems.isEmpty()) {
            throw new AuthVitalConfigException(reader.problems);
        }
        return config;
    }

    /** The IdP's base URL, without a trailing slash; the tokens' issuer. */
    public URI host() {
        return host;
    }

    /** Where the REST client sends its calls: {@code authvital/mp-rest/url}, else the host. */
    public URI restUrl() {
        return restUrl;
    }

    public Optional<String> clientId() {
        return clientId;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public String accessTokenCookie() {
        return accessTokenCookie;
    }

    public String refreshTokenCookie() {
        return refreshTokenCookie;
    }

    @Override
    public String toString() {
        return "AuthVitalConfig[host=" + host + ", restUrl=" + restUrl + ", clientId="
                + clientId.orElse("-") + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", cookies=" + accessTokenCookie + "/" + refreshTokenCookie + "]";
    }

    /** Reads raw values and records each problem instead of stopping at the first. */
    private static final class Reader {
        private final Function<String, Optional<String>> source;
        final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> source) {
            this.source = source;
        }

        Optional<String> lookup(String key) {
            return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        }

        URI url(String key, boolean required) {
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
                    && parsed.get().compareTo(MAX_TIMEOUT) <= 0) {
                return parsed.get();
            }
            problems.add("'" + usedKey + "' is not a timeout between 1ms and 5 minutes: set it like "
                    + (usedKey.equals(restKey) ? "2000 (milliseconds)" : "2s, 500ms or PT2S"));
            return fallback;
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
    }
}
