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
    /** The application's OAuth client id: every access token's {@code aud} must name it. Required. */
    public static final String CLIENT_ID = "authvital.client-id";
    /** Other client ids of the same application whose access tokens are accepted too; none by default. */
    public static final String ACCEPTED_AUDIENCES = "authvital.accepted-audiences";
    /** Whether the IdP may be reached over plain http at a host other than loopback; default false. */
    public static final String ALLOW_INSECURE_HTTP = "authvital.allow-insecure-http";
    /** How long to wait for a connection to the IdP: {@code 500ms}, {@code 2s}, {@code PT2S}. */
    public static final String CONNECT_TIMEOUT = "authvital.connect-timeout";
    /** How long to wait for the IdP's answer once connected. */
    public static final String READ_TIMEOUT = "authvital.read-timeout";
    /** Name of the cookie holding the access token. */
    public static final String ACCESS_TOKEN_COOKIE = "authvital.cookie.access-token-name";
    /** Name of the cookie holding the refresh token. */
    public static final String REFRESH_TOKEN_COOKIE = "authvital.cookie.refresh-token-name";
    /** The cookies' {@code Path}; default {@code /}. */
    public static final String COOKIE_PATH = "authvital.cookie.path";
    /** The cookies' {@code Domain}; default: none (host-only cookies). */
    public static final String COOKIE_DOMAIN = "authvital.cookie.domain";
    /** Whether the cookies are {@code Secure}; default true (set false only for local http). */
    public static final String COOKIE_SECURE = "authvital.cookie.secure";
    /** The cookies' {@code SameSite}: {@code Strict}, {@code Lax} (default) or {@code None}. */
    public static final String COOKIE_SAME_SITE = "authvital.cookie.same-site";
    /**
     * Origins besides the application's own (e.g. {@code https://app.example.com}) from which a
     * request authenticated by the access-token cookie may change something; for the filter, the
     * sessions service and the logout servlet.
     */
    public static final String ALLOWED_ORIGINS = "authvital.allowed-origins";
    /** Where the module maps its logout servlet by itself; unset: the application maps it. */
    public static final String LOGOUT_PATH = "authvital.logout.path";
    /** Where a browser goes after logging out: a path in the application or an allowed URL. */
    public static final String LOGOUT_REDIRECT = "authvital.logout.redirect";
    /** Other origins allowed to post a logout and to be redirected to, e.g. https://app.example.com. */
    public static final String LOGOUT_ALLOWED_ORIGINS = "authvital.logout.allowed-origins";
    /** Whether logging out also sends {@code Clear-Site-Data: "cookies"}; default false. */
    public static final String LOGOUT_CLEAR_SITE_DATA = "authvital.logout.clear-site-data";
    /** Whether the browser is sent on to the IdP's {@code /oauth/logout}; default false. */
    public static final String LOGOUT_IDP_LOGOUT = "authvital.logout.idp-logout";
    /** The {@code iss} every access token must carry; default: the host. */
    public static final String ISSUER = "authvital.issuer";
    /** How far {@code exp} and {@code nbf} may be off the server's clock. */
    public static final String CLOCK_SKEW = "authvital.clock-skew";
    /** How often the IdP's signing keys are fetched again, ahead of any request needing them. */
    public static final String JWKS_REFRESH_INTERVAL = "authvital.jwks.refresh-interval";
    /** The least time between two fetches of the keys caused by tokens with an unknown {@code kid}. */
    public static final String JWKS_REFETCH_INTERVAL = "authvital.jwks.min-refetch-interval";
    /** How many validated tokens are remembered, so the next request with one costs a lookup. */
    public static final String TOKEN_CACHE_SIZE = "authvital.token-cache.max-size";
    /** URL patterns the module maps its filter to by itself; unset: the application maps it. */
    public static final String FILTER_URL_PATTERNS = "authvital.filter.url-patterns";
    /** Paths the filter lets through without a user: {@code /health}, {@code /public/*}, {@code *.css}. */
    public static final String FILTER_PUBLIC_PATHS = "authvital.filter.public-paths";
    /** {@code required} (401 without a valid token) or {@code optional} (anonymous requests pass). */
    public static final String FILTER_MODE = "authvital.filter.mode";
    /** Where a browser navigation without a valid token is sent; unset: it gets a 401 too. */
    public static final String FILTER_LOGIN_URL = "authvital.filter.login-url";
    /** The MicroProfile REST Client's own keys for config key {@code authvital}; they win. */
    public static final String REST_URL = "authvital/mp-rest/url";
    public static final String REST_CONNECT_TIMEOUT = "authvital/mp-rest/connectTimeout";
    public static final String REST_READ_TIMEOUT = "authvital/mp-rest/readTimeout";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private final URI host;
    private final URI restUrl;
    private final String clientId;
    private final List<String> audiences;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String accessTokenCookie;
    private final String refreshTokenCookie;
    private final CookieSettings cookies;
    private final List<String> allowedOrigins;
    private final Optional<String> logoutPath;
    private final LogoutSettings logout;
    private final String issuer;
    private final Duration clockSkew;
    private final Duration jwksRefreshInterval;
    private final Duration jwksRefetchInterval;
    private final int tokenCacheSize;
    private final List<String> filterUrlPatterns;
    private final FilterSettings filter;

    private AuthVitalConfig(Reader r) {
        boolean insecureHttp = r.flag(ALLOW_INSECURE_HTTP, false);
        host = r.url(HOST, true, insecureHttp);
        restUrl = r.lookup(REST_URL).isPresent() ? r.url(REST_URL, false, insecureHttp) : host;
        clientId = r.required(CLIENT_ID, "AUTHVITAL_CLIENT_ID", "your application's OAuth client id: "
                + "an access token is accepted only when its 'aud' names it");
        audiences = java.util.stream.Stream.concat(java.util.stream.Stream.of(clientId),
                r.lookup(ACCEPTED_AUDIENCES).map(UrlPatterns::split).orElse(List.of()).stream())
                .distinct().toList();
        connectTimeout = r.timeout(REST_CONNECT_TIMEOUT, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = r.timeout(REST_READ_TIMEOUT, READ_TIMEOUT, DEFAULT_READ_TIMEOUT);
        accessTokenCookie = r.cookieName(ACCESS_TOKEN_COOKIE, "access_token");
        refreshTokenCookie = r.cookieName(REFRESH_TOKEN_COOKIE, "refresh_token");
        cookies = CookieSettings.read(accessTokenCookie, refreshTokenCookie, r::lookup, r.problems);
        allowedOrigins = RequestOrigin.read(ALLOWED_ORIGINS, r.lookup(ALLOWED_ORIGINS), r.problems);
        logoutPath = r.urlPatterns(LOGOUT_PATH).stream().findFirst();
        logout = LogoutSettings.read(r::lookup, r.problems);
        issuer = r.lookup(ISSUER).orElse(host == null ? "" : host.toString());
        clockSkew = r.duration(CLOCK_SKEW, Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(10));
        jwksRefreshInterval = r.duration(JWKS_REFRESH_INTERVAL, Duration.ofMinutes(5),
                Duration.ofSeconds(1), Duration.ofDays(1));
        // At least a second: a token with a made-up kid must not be able to make every request a fetch.
        jwksRefetchInterval = r.duration(JWKS_REFETCH_INTERVAL, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofHours(1));
        tokenCacheSize = r.integer(TOKEN_CACHE_SIZE, 10_000, 0, 10_000_000);
        filterUrlPatterns = r.urlPatterns(FILTER_URL_PATTERNS);
        filter = FilterSettings.read(r::lookup, r.problems);
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

    /** The application's OAuth client id. */
    public String clientId() {
        return clientId;
    }

    /** The audiences an access token may name: the client id first, then the other accepted ones. */
    public List<String> audiences() {
        return audiences;
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

    /** How the module writes and clears the token cookies. */
    public CookieSettings cookies() {
        return cookies;
    }

    /** {@code authvital.allowed-origins}: other origins whose cookie-authenticated requests may change something. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Where the module maps the logout servlet by itself; empty when the application maps it. */
    public Optional<String> logoutPath() {
        return logoutPath;
    }

    /** The logout servlet's settings from MicroProfile Config, before init-params override them. */
    public LogoutSettings logout() {
        return logout;
    }

    /** The issuer every token must name: {@code authvital.issuer}, else the host. */
    public String issuer() {
        return issuer;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Duration jwksRefreshInterval() {
        return jwksRefreshInterval;
    }

    public Duration jwksRefetchInterval() {
        return jwksRefetchInterval;
    }

    public int tokenCacheSize() {
        return tokenCacheSize;
    }

    /** Where the module maps its filter by itself; empty when the application maps it. */
    public List<String> filterUrlPatterns() {
        return filterUrlPatterns;
    }

    /** The filter's settings from MicroProfile Config, before any init-param overrides them. */
    public FilterSettings filter() {
        return filter;
    }

    @Override
    public String toString() {
        return "AuthVitalConfig[host=" + host + ", restUrl=" + restUrl + ", clientId="
                + clientId + ", audiences=" + audiences + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", cookies=" + accessTokenCookie + "/" + refreshTokenCookie + ", issuer="
                + issuer + ", clockSkew=" + clockSkew + ", filter=" + filter + "]";
    }

    /**
     * Whether {@code host} (as {@link URI#getHost()} gives it) names this machine by itself:
     * {@code localhost}, 127.0.0.0/8 or {@code ::1}, as literals; no name is looked up.
     */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        boolean ipv4 = name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ipv4 && !(name.startsWith("[") && name.endsWith("]"))) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(ipv4 ? name : name.substring(1, name.length() - 1)).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false; // not a literal after all
        }
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

        String required(String key, String environment, String what) {
            Optional<String> value = lookup(key);
            if (value.isEmpty()) {
                problems.add("'" + key + "' is missing: set it (or the environment variable " + environment
                        + ") to " + what);
            }
            return value.orElse("");
        }

        boolean flag(String key, boolean fallback) {
            Optional<String> raw = lookup(key).map(v -> v.toLowerCase(java.util.Locale.ROOT));
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
                                + "(or, on a test network only, set '" + ALLOW_INSECURE_HTTP + "=true')");
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
                    && parsed.get().compareTo(MAX_TIMEOUT) <= 0) {
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

        List<String> urlPatterns(String key) {
            List<String> patterns = lookup(key).map(UrlPatterns::split).orElse(List.of());
            if (patterns.isEmpty() && lookup(key).isPresent()) {
                problems.add("'" + key + "' is set but names no pattern: list them separated by commas, "
                        + "like /api/*, /admin/*, or leave it unset");
            }
            for (String pattern : patterns) {
                if (!UrlPatterns.isUrlPattern(pattern)) {
                    problems.add("'" + key + "' has '" + pattern + "', not a servlet URL pattern: use /exact, "
                            + "/prefix/* or *.extension");
                }
            }
            return patterns;
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
