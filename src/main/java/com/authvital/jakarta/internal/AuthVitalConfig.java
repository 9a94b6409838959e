package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalConfigException;
import java.net.URI;
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
    /** Whether the browser is sent on to the IdP's {@code /api/auth/logout/redirect}; default false. */
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
    /** The client's secret, for a confidential client; sent on every call to the token endpoint. */
    public static final String CLIENT_SECRET = "authvital.client-secret";
    /** Where the module maps its sign-in servlet by itself; unset: the application maps it. */
    public static final String SIGNIN_PATH = "authvital.signin.path";
    /** Where the IdP sends the browser back after sign-in; the module maps its callback servlet there. */
    public static final String SIGNIN_CALLBACK_PATH = "authvital.signin.callback-path";
    /** The scopes a sign-in asks for. */
    public static final String SIGNIN_SCOPES = "authvital.signin.scopes";
    /** Where a browser goes after signing in when it asked for nowhere allowed. */
    public static final String SIGNIN_REDIRECT = "authvital.signin.redirect";
    /** The AES-256 key (base64) that seals a sign-in's flow cookie; the same on every server. */
    public static final String SIGNIN_FLOW_KEY = "authvital.signin.flow-key";
    /** How long before its expiry an access token is refreshed, when a refresh token is at hand. */
    public static final String REFRESH_MARGIN = "authvital.refresh.margin";
    /** How long the new tokens of a refresh are handed out again for the rotated-out refresh token. */
    public static final String REFRESH_GRACE = "authvital.refresh.grace";
    /** Whether a spent refresh token presented after the grace is also presented once to the IdP, which then signs the user out everywhere. */
    public static final String REFRESH_REUSE_NOTIFY_IDP = "authvital.refresh.reuse.notify-idp";
    /** Which claims become the caller's groups (roles): {@code tenant_roles}, {@code app_roles}, {@code tenant_permissions}. */
    public static final String ROLES_CLAIMS = "authvital.roles.claims";
    /** The start of the keys of each claim's prefix: {@code authvital.roles.prefix.app-roles=app:}. */
    static final String ROLES_PREFIX = "authvital.roles.prefix.";
    /** {@code authvital.roles.prefix.tenant-roles}: put before each tenant role. */
    public static final String ROLES_PREFIX_TENANT_ROLES = ROLES_PREFIX + "tenant-roles";
    /** {@code authvital.roles.prefix.app-roles}: put before each application role. */
    public static final String ROLES_PREFIX_APP_ROLES = ROLES_PREFIX + "app-roles";
    /** {@code authvital.roles.prefix.tenant-permissions}: put before each tenant permission. */
    public static final String ROLES_PREFIX_TENANT_PERMISSIONS = ROLES_PREFIX + "tenant-permissions";
    /** Whether the module's Jakarta Security authentication mechanism authenticates requests. */
    public static final String JAKARTA_SECURITY = "authvital.jakarta-security.enabled";
    /** Where what the servers share lives: {@code memory} (this server's, the default) or {@code jcache}. */
    public static final String STORE = "authvital.store";
    /** The JCache {@code CachingProvider}'s class, when the class path has more than one. */
    public static final String STORE_JCACHE_PROVIDER = "authvital.store.jcache.provider";
    /** The JCache engine's configuration URI for the provider, e.g. {@code classpath:hazelcast.xml}. */
    public static final String STORE_JCACHE_URI = "authvital.store.jcache.uri";
    /** What the names of the module's caches start with; default {@code authvital.<client id>.}. */
    public static final String STORE_CACHE_PREFIX = "authvital.store.cache-prefix";
    /** The AES-256 key (base64) sealing the refresh results in the shared cache; the same on every server. */
    public static final String STORE_KEY = "authvital.store.key";
    /** What unsafe requests get while the shared cache cannot be reached: {@code refuse} (503) or {@code allow}. */
    public static final String STORE_UNREACHABLE = "authvital.store.unreachable";
    /** How often the shared cache is checked for being reachable. */
    public static final String STORE_CHECK_INTERVAL = "authvital.store.check-interval";
    /** How often, while the shared cache cannot be reached, the engine is asked again. */
    public static final String STORE_RETRY_INTERVAL = "authvital.store.retry-interval";
    /** How many entries each region of the in-memory store (and of each server's mirror) takes at most. */
    public static final String STORE_MAX_ENTRIES = "authvital.store.max-entries";
    /** How many calls to {@code POST /oauth/token} this server may make a minute: the IdP's limit per address, 30. */
    public static final String IDP_TOKEN_BUDGET = "authvital.idp.token-budget";
    /** How many sign-in code exchanges one client address may cause a minute. */
    public static final String SIGNIN_EXCHANGES_PER_ADDRESS = "authvital.signin.exchanges-per-address";
    /** The MicroProfile REST Client's own keys for config key {@code authvital}; they win. */
    public static final String REST_URL = "authvital/mp-rest/url";
    public static final String REST_CONNECT_TIMEOUT = "authvital/mp-rest/connectTimeout";
    public static final String REST_READ_TIMEOUT = "authvital/mp-rest/readTimeout";

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
    private final StoreSettings store;

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
        cookies = CookieSettings.read(r);
        allowedOrigins = r.origins(ALLOWED_ORIGINS).orElse(List.of());
        filterUrlPatterns = r.urlPatterns(FILTER_URL_PATTERNS).orElse(List.of());
        filter = FilterSettings.DEFAULTS.with(r, FILTER_PUBLIC_PATHS, FILTER_MODE, FILTER_LOGIN_URL);
        logoutPath = r.urlPatterns(LOGOUT_PATH).orElse(List.of()).stream().findFirst();
        logout = LogoutSettings.DEFAULTS.with(r, LOGOUT_REDIRECT, LOGOUT_ALLOWED_ORIGINS, LOGOUT_CLEAR_SITE_DATA,
                LOGOUT_IDP_LOGOUT);
        signIn = SignInSettings.read(r);
        roles = RoleMapping.read(r);
        jakartaSecurity = r.flag(JAKARTA_SECURITY, false);
        store = StoreSettings.read(r, clientId == null ? "" : clientId);
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
    FilterSettings filter() {
        return filter;
    }

    /** Where the module maps the logout servlet by itself; empty when the application maps it. */
    public Optional<String> logoutPath() {
        return logoutPath;
    }

    /** The logout servlet's settings from MicroProfile Config, before init-params override them. */
    LogoutSettings logout() {
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

    /** Sign-in, the flow cookie's key, the client secret and refreshing. */
    SignInSettings signIn() {
        return signIn;
    }

    /** Where what the servers share lives. */
    StoreSettings store() {
        return store;
    }

    @Override
    public String toString() {
        return "AuthVitalConfig[" + idp + ", " + tokens + ", " + budget + ", " + cookies + ", allowedOrigins=" + allowedOrigins
                + ", filterUrlPatterns=" + filterUrlPatterns + ", filter=" + filter + ", logoutPath="
                + logoutPath.orElse("-") + ", logout=" + logout + ", signIn=" + signIn + ", roles=" + roles + ", jakartaSecurity=" + jakartaSecurity
                + ", store=" + store + "]";
    }
}
