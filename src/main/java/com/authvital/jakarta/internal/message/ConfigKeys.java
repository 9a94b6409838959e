package com.authvital.jakarta.internal.message;

/**
 * The names of every setting of the module ({@code authvital.*} in MicroProfile Config, and the
 * REST client's own {@code authvital/mp-rest/*}): read by the configuration, cited by the message
 * catalogue, so that neither depends on the other.
 */
public final class ConfigKeys {


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
    private static final String ROLES_PREFIX = "authvital.roles.prefix.";
    /** {@code authvital.roles.prefix.tenant-roles}: put before each tenant role. */
    public static final String ROLES_PREFIX_TENANT_ROLES = ROLES_PREFIX + "tenant-roles";
    /** {@code authvital.roles.prefix.app-roles}: put before each application role. */
    public static final String ROLES_PREFIX_APP_ROLES = ROLES_PREFIX + "app-roles";
    /** {@code authvital.roles.prefix.tenant-permissions}: put before each tenant permission. */
    public static final String ROLES_PREFIX_TENANT_PERMISSIONS = ROLES_PREFIX + "tenant-permissions";
    /** Whether the module's Jakarta Security authentication mechanism authenticates requests. */
    public static final String JAKARTA_SECURITY = "authvital.jakarta-security.enabled";
    /**
     * Whether the module adds its readiness checks ({@code authvital-keys}, {@code authvital-store},
     * {@code authvital-idp-budget}) when the server has MicroProfile Health; default true.
     */
    public static final String HEALTH_ENABLED = "authvital.health.enabled";
    /**
     * Whether the module records its metrics and IdP spans through the server's OpenTelemetry
     * (MicroProfile Telemetry) when it has one; default true.
     */
    public static final String TELEMETRY_ENABLED = "authvital.telemetry.enabled";
    /**
     * Whether the module's JAX-RS exception mapper answers its exceptions with their status and a
     * JSON body; default true. An application's own {@code ExceptionMapper<AuthVitalException>} wins anyway.
     */
    public static final String JAXRS_EXCEPTION_MAPPER = "authvital.jaxrs.exception-mapper";
    /** Where the module maps its receiver of AuthVital's signed events, e.g. {@code /authvital/events}. */
    public static final String EVENTS_PATH = "authvital.events.path";
    /**
     * AuthVital's internal id of the application (not the client id): its events name the
     * application by it. Required with the events receiver.
     */
    public static final String APPLICATION_ID = "authvital.application-id";
    /** The tenants whose events the receiver acts on; every tenant when unset. */
    public static final String EVENTS_TENANTS = "authvital.events.tenants";
    /** How far from this server's clock a per-application event's timestamp may be; default 300 s. */
    public static final String EVENTS_MAX_AGE = "authvital.events.max-age";
    /** Whether the receiver takes AuthVital's instance-wide system webhooks too; default false. */
    public static final String EVENTS_SYSTEM = "authvital.events.system";
    /** Whether a revoked licence takes the application away (else it changes the user's token, like a role); default false. */
    public static final String EVENTS_LICENSES_GATE_ACCESS = "authvital.events.licenses-gate-access";
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

    private ConfigKeys() {
    }

    /** The key of one claim's prefix: {@code authvital.roles.prefix.<claim, kebab-cased>}. */
    public static String rolesPrefix(String claim) {
        return ROLES_PREFIX + claim.replace('_', '-');
    }
}
