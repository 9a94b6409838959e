package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.SignInRequiredException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.http.CookieSettings;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.http.RequestOrigin;
import com.authvital.jakarta.internal.http.UrlPatterns;
import com.authvital.jakarta.internal.idp.TokenAnswer;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.Revocations;
import com.authvital.jakarta.internal.session.TokenRefresher;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.token.TokenExtractor;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is calling: the one place that finds a request's token, judges where a cookie-borne one
 * came from, and validates it. The filter asks it for a {@link FilterGuard}; the sessions service
 * for the caller's token and session. One per application.
 */
public final class Authenticator {

    private static final System.Logger LOG = System.getLogger(Authenticator.class.getName());

    /** The refresh cookie's lifetime when the new refresh token's {@code exp} could not be checked: the IdP's usual. */
    static final Duration UNCHECKED_REFRESH_LIFETIME = Duration.ofDays(7);

    /** The request attribute holding this request's {@link TokenRefresher.Refreshed}, when it was refreshed. */
    static final String REFRESHED = TokenRefresher.Refreshed.class.getName();
    /**
     * The request attribute holding why a needed refresh could not be made ({@link IdpUnavailableException}),
     * when the request went on with its access token still accepted here.
     */
    static final String REFRESH_FAILED = Authenticator.class.getName() + ".refreshFailed";
    /** The request attribute set once this request's answer sets or clears the token cookies. */
    static final String TOKEN_COOKIES_WRITTEN = Authenticator.class.getName() + ".tokenCookiesWritten";

    private final AuthVitalConfig config;
    private final TokenExtractor tokens;
    private final TokenValidator validator;
    private final Revocations revocations;
    private final RequestOrigin origins;
    private final TokenRefresher refresher;
    private final CookieWriter cookies;
    private final SessionStore store;
    private final Clock clock;

    public Authenticator(AuthVitalConfig config, TokenExtractor tokens, TokenValidator validator, Revocations revocations,
                  TokenRefresher refresher, CookieWriter cookies, SessionStore store, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.validator = validator;
        this.revocations = revocations;
        this.origins = new RequestOrigin(config.allowedOrigins());
        this.refresher = refresher;
        this.cookies = cookies;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Refuses a request that changes something while the shared store cannot be reached, unless
     * {@code authvital.store.unreachable=allow}: a revocation made now could not reach the other
     * servers. Safe requests go on, checked against this server's copy of the revocations; every
     * request is refused while this server has no copy yet (it started without the cache).
     *
     * @throws IdpUnavailableException 503, AV1503
     */
    void refuseChangesWhileStoreUnreachable(HttpServletRequest request) {
        if (!store.holdsRevocations() && config.store().whenUnreachable() == StoreSettings.WhenUnreachable.REFUSE
                && !isLogoutPath(request)) {
            // Started without the cache: it knows none of the others' revocations yet, so nothing goes on.
            throw new IdpUnavailableException(503, null, List.of(), Messages.storeUnreachableRefused(), null);
        }
        if (!store.reachable() && config.store().whenUnreachable() == StoreSettings.WhenUnreachable.REFUSE
                && !RequestOrigin.isSafe(request.getMethod()) && !isLogoutPath(request)) {
            throw new IdpUnavailableException(503, null, List.of(), Messages.storeUnreachableRefused(), null);
        }
    }

    /**
     * What authenticating a request came to: its user, or why there is none.
     *
     * @param user      the validated access token, possibly fresh from a refresh; null when none
     * @param tokenSent whether the request carried an access token (for RFC 6750's challenge)
     * @param refused   why there is no user: the token's refusal, or the refresh's; null when none was sent
     */
    record Outcome(ValidatedToken user, boolean tokenSent, NotAuthenticatedException refused) {
    }

    /**
     * The request's user: its access token validated, refreshed with the refresh token cookie when
     * it is missing, refused or expires within {@code authvital.refresh.margin}. A refresh sets
     * both new cookies on {@code response}; a refresh the IdP refuses clears them, unless it only
     * asks the user to sign in again ({@link SignInRequiredException}, thrown when there is no
     * valid access token to go on with). A bearer header is never refreshed: its client did not
     * get it from the cookies.
     *
     * @throws AccessDeniedException   for a cross-site unsafe request that only cookies authenticate
     * @throws SignInRequiredException when the IdP wants the user at its sign-in before refreshing
     * @throws IdpUnavailableException when the keys or, with no valid access token, the refresh cannot be had
     */
    Outcome authenticate(HttpServletRequest request, HttpServletResponse response) {
        refuseChangesWhileStoreUnreachable(request);
        Optional<TokenExtractor.AccessToken> token = tokens.locate(request);
        boolean cookiesOnly = token.isEmpty() || token.get().fromCookie();
        // Read only when it can matter, and once: a bearer request never needs it.
        Optional<String> refreshToken = cookiesOnly ? tokens.refreshTokenCookie(request) : Optional.empty();
        boolean byCookie = token.isPresent() ? token.get().fromCookie() : refreshToken.isPresent();
        if (byCookie && !origins.mayUseCookie(request)) {
            // Before validation and refresh: a forged request gets nothing, at no key fetch or IdP call.
            throw new AccessDeniedException(null, List.of(), Messages.crossSiteRefused(accessTokenCookie()));
        }
        ValidatedToken user = null;
        NotAuthenticatedException refused = null;
        if (token.isPresent()) {
            try {
                user = validator.validate(token.get().value());
            } catch (NotAuthenticatedException e) {
                refused = e;
            }
        }
        if (!cookiesOnly || user != null && !expiresSoon(user)) {
            return new Outcome(user, token.isPresent(), refused);
        }
        Optional<TokenValidator.RefreshToken> session = refreshToken.flatMap(validator::refreshToken);
        if (session.isEmpty()) {
            return new Outcome(user, token.isPresent(), refused);
        }
        if (revocations.deniesSession(session.get().sessionId())) {
            // Signed out here: its refresh token is not sent to the IdP, whatever the IdP did.
            clearCookies(request, response);
            return new Outcome(null, true, new NotAuthenticatedException(null, List.of(), Messages.tokenRevokedHere()));
        }
        TokenRefresher.Refreshed refreshed;
        try {
            refreshed = refresher.refresh(refreshToken.get(), session.get());
        } catch (SignInRequiredException e) {
            if (user != null) {
                return new Outcome(user, true, null); // signed in for a while yet
            }
            throw e;
        } catch (NotAuthenticatedException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> Messages.refreshRefusedLog(e.getMessage()));
            clearCookies(request, response);
            return new Outcome(null, true, e);
        } catch (IdpUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, () -> Messages.refreshUnavailableLog(e.getMessage()));
            if (user != null) {
                request.setAttribute(REFRESH_FAILED, e); // for a call to the IdP with this token later
                return new Outcome(user, true, null); // an outage does not sign anyone out
            }
            throw e;
        }
        // The new cookies first: the old refresh token is spent, whether or not the new access
        // token can be checked right now.
        TokenAnswer tokens = refreshed.tokens();
        request.setAttribute(TOKEN_COOKIES_WRITTEN, Boolean.TRUE);
        cookies.setTokens(response, tokens.accessToken(), Duration.ofSeconds(tokens.expiresIn()),
                tokens.refreshToken(), refreshed.newSession()
                        .map(next -> Duration.between(clock.instant(), next.expiresAt()))
                        .orElse(UNCHECKED_REFRESH_LIFETIME));
        request.setAttribute(REFRESHED, refreshed);
        return new Outcome(validator.validate(tokens.accessToken()), true, null);
    }

    private void clearCookies(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(TOKEN_COOKIES_WRITTEN, Boolean.TRUE);
        cookies.clear(response);
    }

    private boolean expiresSoon(ValidatedToken user) {
        return user.expiresAt() - clock.millis() <= config.signIn().refreshMargin().toMillis();
    }



    /**
     * What a filter with these init-params over {@code authvital.filter.*} does.
     *
     * @throws AuthVitalConfigException naming each bad init-param
     */
    public FilterGuard guard(Function<String, String> initParams) {
        return new FilterGuard(config.filter().overriddenBy(initParams), this);
    }

    /**
     * The caller's valid access token: the one the filter validated, else the request's own,
     * validated here; for a cookie-borne token of an unsafe request, only from a trusted origin.
     *
     * @throws NotAuthenticatedException without a valid access token
     * @throws AccessDeniedException     for a cross-site request that only the cookie authenticates
     */
    public String callerToken(HttpServletRequest request) {
        refuseChangesWhileStoreUnreachable(request);
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken validated) {
            return forwardable(request, validated); // the filter judged it, origin included
        }
        TokenExtractor.AccessToken token = tokens.locate(request).orElseThrow(() -> new NotAuthenticatedException(
                null, List.of(), Messages.noAccessToken(config.cookies().accessTokenName())));
        if (token.fromCookie() && !origins.mayUseCookie(request)) {
            throw new AccessDeniedException(null, List.of(), Messages.crossSiteRefused(config.cookies().accessTokenName()));
        }
        return forwardable(request, validator.validate(token.value()));
    }

    /**
     * The token, unless it is past its {@code exp}: accepted here within the clock skew, but the
     * IdP refuses it, and its 401 would tell the client to sign in again. When a refresh was
     * needed and could not be made (rate limit, outage), that failure instead (503, with its
     * {@code Retry-After}); else the token's expiry (401).
     */
    private String forwardable(HttpServletRequest request, ValidatedToken token) {
        if (token.expiresAt() > clock.millis()) {
            return token.token();
        }
        if (request.getAttribute(REFRESH_FAILED) instanceof IdpUnavailableException failure) {
            throw failure;
        }
        throw new NotAuthenticatedException(null, List.of(), Messages.invalidAccessToken("it has expired"));
    }

    /**
     * The caller's valid access token, as {@link #callerToken(HttpServletRequest)} finds it, and
     * refreshed as the filter does when it is missing, expired or about to expire and the request
     * has a valid refresh token cookie: the new cookies go on {@code response}.
     *
     * @throws NotAuthenticatedException without a valid access token, after any refresh
     * @throws AccessDeniedException     for a cross-site request that only cookies authenticate
     * @throws IdpUnavailableException   when the keys, or a needed refresh, cannot be had
     */
    public String callerToken(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken validated) {
            return forwardable(request, validated);
        }
        Outcome outcome = authenticate(request, response);
        if (outcome.user() == null) {
            throw outcome.refused() != null ? outcome.refused() : new NotAuthenticatedException(null, List.of(),
                    Messages.noAccessToken(config.cookies().accessTokenName()));
        }
        request.setAttribute(ValidatedToken.ATTRIBUTE, outcome.user());
        return forwardable(request, outcome.user());
    }

    /**
     * The session of the request's refresh token cookie, when its signature and claims hold; after
     * a refresh in this request, the new session.
     */
    public Optional<String> currentSessionId(HttpServletRequest request) {
        if (request.getAttribute(REFRESHED) instanceof TokenRefresher.Refreshed refreshed
                && refreshed.newSession().isPresent()) {
            return Optional.of(refreshed.newSession().get().sessionId());
        }
        return tokens.refreshTokenCookie(request).flatMap(validator::sessionIdOf);
    }

    ValidatedToken validate(String token) {
        return validator.validate(token);
    }

    TokenExtractor tokens() {
        return tokens;
    }

    RequestOrigin origins() {
        return origins;
    }

    /** Whether the request is for the logout the module maps: a logout only takes rights away, so it always goes on. */
    private boolean isLogoutPath(HttpServletRequest request) {
        return config.logoutPath().isPresent() && config.logoutPath().get().equals(UrlPatterns.pathInApplication(request));
    }

    /**
     * Whether {@code path} (in the application) is the sign-in's or the callback's, as configured;
     * false for null, which a path that is not plain gives (it is never public).
     */
    boolean isSignInPath(String path) {
        return path != null && (path.equals(config.signIn().path().orElse(null))
                || path.equals(config.signIn().callbackPath().orElse(null)));
    }

    /** The module's sign-in path, when the module maps it. */
    Optional<String> signInPath() {
        return config.signIn().path();
    }

    String accessTokenCookie() {
        return config.cookies().accessTokenName();
    }

    CookieSettings cookieSettings() {
        return config.cookies();
    }
}
