package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.http.CookieSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

import static com.authvital.jakarta.internal.message.ConfigKeys.*;

/**
 * Every setting of the module, read and validated once. All problems are collected and thrown
 * together in one {@link AuthVitalConfigException}, each naming the key to set.
 */
public final class AuthVitalConfig {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /**
     * The IdP and how the module reaches it.
     *
     * @param host           the IdP's base URL, without a trailing slash; the default issuer
     * @param restUrl        where calls and key fetches go: {@code authvital/mp-rest/url}, else the host
     * @param clientId       the application's OAuth client id
     * @param audiences      what an access token's {@code aud} may name: the client id, then the others accepted
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for an answer once connected
     */
    public record Idp(URI host, URI restUrl, String clientId, List<String> audiences, Duration connectTimeout,
                      Duration readTimeout) {
    }

    /**
     * How access tokens are validated.
     *
     * @param issuer              the {@code iss} every token must carry
     * @param clockSkew           how far {@code exp} and {@code nbf} may be off this server's clock
     * @param jwksRefreshInterval how old the keys may get before a request refreshes them in the background
     * @param jwksRefetchInterval the least time between two fetches caused by unknown {@code kid}s
     * @param cacheSize           how many validated tokens are remembered; 0 for none
     */
    public record Tokens(String issuer, Duration clockSkew, Duration jwksRefreshInterval,
                         Duration jwksRefetchInterval, int cacheSize) {
    }

    /**
     * This server's own account of its calls to the token endpoint ({@code TokenBudget}).
     *
     * @param tokenCallsPerMinute calls to {@code POST /oauth/token} this server may make a minute
     * @param exchangesPerAddress sign-in code exchanges one client address may cause a minute
     */
    public record Budget(int tokenCallsPerMinute, int exchangesPerAddress) {
    }

    /** The IdP's limit of {@code POST /oauth/token} calls a minute per client address (the contract). */
    static final int IDP_TOKEN_LIMIT = 30;

    private final Idp idp;
    private final Tokens tokens;
    private final Budget budget;
    private final CookieSettings cookies;
    private final List<String> allowedOrigins;
    private final List<String> filterUrlPatterns;
    private final FilterSettings filter;
    private final Optional<String> logoutPath;
    private final LogoutSettings logout;
    private final SignInSettings signIn;
    private final RoleMapping roles;
    private final boolean jakartaSecurity;
    private final boolean jaxrsExceptionMapper;
    private final StoreSettings store;
    private final boolean health;
    private final boolean telemetry;
    private final EventSettings events;

    private AuthVitalConfig(ConfigReader r) {
        boolean insecureHttp = r.flag(ALLOW_INSECURE_HTTP, false);
        URI host = r.url(HOST, true, insecureHttp);
        String clientId = r.required(CLIENT_ID, "AUTHVITAL_CLIENT_ID", "your application's OAuth client id: "
                + "an access token is accepted only when its 'aud' names it");
        List<String> audiences = new ArrayList<>(List.of(clientId));
        r.list(ACCEPTED_AUDIENCES).stream().filter(a -> !audiences.contains(a)).forEach(audiences::add);
        idp = new Idp(host, r.lookup(REST_URL).isPresent() ? r.url(REST_URL, false, insecureHttp) : host, clientId,
                List.copyOf(audiences), r.timeout(REST_CONNECT_TIMEOUT, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                r.timeout(REST_READ_TIMEOUT, READ_TIMEOUT, DEFAULT_READ_TIMEOUT));
        tokens = new Tokens(r.lookup(ISSUER).orElse(host == null ? "" : host.toString()),
                r.duration(CLOCK_SKEW, Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(10)),
                r.duration(JWKS_REFRESH_INTERVAL, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1)),
                // At least a second: a token with a made-up kid must not be able to make every request a fetch.
                r.duration(JWKS_REFETCH_INTERVAL, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1)),
                r.integer(TOKEN_CACHE_SIZE, 25_000, 0, 10_000_000));
        budget = new Budget(r.integer(IDP_TOKEN_BUDGET, IDP_TOKEN_LIMIT, 1, 100_000),
                r.integer(SIGNIN_EXCHANGES_PER_ADDRESS, 3, 1, 100_000));
        cookies = CookieConfig.read(r);
        allowedOrigins = r.origins(ALLOWED_ORIGINS).orElse(List.of());
        filterUrlPatterns = r.urlPatterns(FILTER_URL_PATTERNS).orElse(List.of());
        filter = FilterSettings.DEFAULTS.with(r, FILTER_PUBLIC_PATHS, FILTER_MODE, FILTER_LOGIN_URL);
        logoutPath = r.urlPatterns(LOGOUT_PATH).orElse(List.of()).stream().findFirst();
        logout = LogoutSettings.DEFAULTS.with(r, LOGOUT_REDIRECT, LOGOUT_ALLOWED_ORIGINS, LOGOUT_CLEAR_SITE_DATA,
                LOGOUT_IDP_LOGOUT);
        signIn = SignInSettings.read(r);
        roles = RoleMapping.read(r);
        jakartaSecurity = r.flag(JAKARTA_SECURITY, false);
        jaxrsExceptionMapper = r.flag(JAXRS_EXCEPTION_MAPPER, true);
        store = StoreSettings.read(r, clientId == null ? "" : clientId);
        health = r.flag(HEALTH_ENABLED, true);
        telemetry = r.flag(TELEMETRY_ENABLED, true);
        events = EventSettings.read(r);
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
        ConfigReader reader = new ConfigReader(lookup);
        AuthVitalConfig config = new AuthVitalConfig(reader);
        reader.done();
        return config;
    }

    /** The IdP and how to reach it. */
    public Idp idp() {
        return idp;
    }

    /** How access tokens are validated. */
    public Tokens tokens() {
        return tokens;
    }

    /** How many token calls this server makes a minute, and how many sign-ins one address may cause. */
    public Budget budget() {
        return budget;
    }

    /** The token cookies' names and attributes. */
    public CookieSettings cookies() {
        return cookies;
    }

    /** Origins other than the application's own that may send cookie-authenticated unsafe requests. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Where the module maps its filter by itself; empty when the application maps it. */
    public List<String> filterUrlPatterns() {
        return filterUrlPatterns;
    }

    /** The filter's settings from MicroProfile Config, before any init-param overrides them. */
    public FilterSettings filter() {
        return filter;
    }

    /** Where the module maps the logout servlet by itself; empty when the application maps it. */
    public Optional<String> logoutPath() {
        return logoutPath;
    }

    /** The logout servlet's settings from MicroProfile Config, before init-params override them. */
    public LogoutSettings logout() {
        return logout;
    }

    /** Which claims become the caller's groups. */
    public RoleMapping roles() {
        return roles;
    }

    /** Whether the Jakarta Security mechanism authenticates requests. */
    public boolean jakartaSecurity() {
        return jakartaSecurity;
    }

    /** Whether the module's JAX-RS exception mapper answers its exceptions. */
    public boolean jaxrsExceptionMapper() {
        return jaxrsExceptionMapper;
    }

    /** Sign-in, the flow cookie's key, the client secret and refreshing. */
    public SignInSettings signIn() {
        return signIn;
    }

    /** Whether the readiness checks are added when the server has MicroProfile Health. */
    public boolean health() {
        return health;
    }

    /** Whether metrics and spans are recorded when the server has OpenTelemetry. */
    public boolean telemetry() {
        return telemetry;
    }

    /** The receiver of AuthVital's signed events. */
    public EventSettings events() {
        return events;
    }

    /** Where what the servers share lives. */
    public StoreSettings store() {
        return store;
    }

    @Override
    public String toString() {
        return "AuthVitalConfig[" + idp + ", " + tokens + ", " + budget + ", " + cookies + ", allowedOrigins=" + allowedOrigins
                + ", filterUrlPatterns=" + filterUrlPatterns + ", filter=" + filter + ", logoutPath="
                + logoutPath.orElse("-") + ", logout=" + logout + ", signIn=" + signIn + ", roles=" + roles + ", jakartaSecurity=" + jakartaSecurity
                + ", jaxrsExceptionMapper=" + jaxrsExceptionMapper + ", store=" + store + ", health=" + health
                + ", telemetry=" + telemetry + ", events=" + events + "]";
    }
}
