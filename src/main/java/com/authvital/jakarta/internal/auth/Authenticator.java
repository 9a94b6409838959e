package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.http.CookieSettings;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.http.RequestOrigin;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is calling: the one place that finds a request's token, judges where a cookie-borne one
 * came from, validates it and, for the cookies, refreshes it; it answers a {@link Verdict} and
 * writes nothing. The filter asks it for a {@link FilterGuard}; the sessions service for the
 * caller's token and session. One per application.
 */
public final class Authenticator {

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
    private final RequestOrigin origins;
    private final SilentRefresh refresh;
    private final ModulePaths paths;
    private final StoreGate gate;
    private final VerdictEffects effects;
    private final CallerTokens callers;
    private final Clock clock;

    /** The application's authenticator, refreshing through {@code refresher}. */
    public Authenticator(AuthVitalConfig config, TokenExtractor tokens, TokenValidator validator, Revocations revocations,
                         TokenRefresher refresher, CookieWriter cookies, SessionStore store, Clock clock) {
        this(config, tokens, validator, revocations, refresher::refresh, cookies, store, clock);
    }

    /** With the refresh call of the caller's choosing: a unit test's, without an IdP client. */
    Authenticator(AuthVitalConfig config, TokenExtractor tokens, TokenValidator validator, Revocations revocations,
                  SilentRefresh.Call refresher, CookieWriter cookies, SessionStore store, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.validator = validator;
        this.origins = new RequestOrigin(config.allowedOrigins());
        this.refresh = new SilentRefresh(refresher, validator, revocations, clock);
        this.paths = ModulePaths.of(config);
        this.gate = new StoreGate(store, config.store().whenUnreachable(), paths);
        this.effects = new VerdictEffects(cookies);
        this.clock = clock;
        this.callers = new CallerTokens(this, effects, gate, tokens, validator, config.cookies().accessTokenName(), clock);
    }

    /** {@link #decide(HttpServletRequest, boolean)}, refreshing where the cookies call for it. */
    Verdict decide(HttpServletRequest request) {
        return decide(request, true);
    }

    /**
     * The verdict on the request: its user from its access token, refreshed with the refresh token
     * cookie when {@code mayRefresh} and the token is missing, refused or expires within
     * {@code authvital.refresh.margin}. A bearer header is never refreshed: its client did not get
     * it from the cookies. A cross-site unsafe request that only cookies authenticate is refused
     * before any validation or IdP call.
     */
    Verdict decide(HttpServletRequest request, boolean mayRefresh) {
        Optional<IdpUnavailableException> closed = gate.refusal(request);
        if (closed.isPresent()) {
            return new Verdict.Unavailable(closed.get());
        }
        try {
            return judge(request, mayRefresh);
        } catch (NotAuthenticatedException e) {
            // A malformed Authorization header, or two different tokens: refused rather than guessed at.
            return new Verdict.Refused(e, true, CookieChange.KEEP);
        } catch (IdpUnavailableException e) {
            return new Verdict.Unavailable(e); // the IdP's keys cannot be had to check the token
        }
    }

    private Verdict judge(HttpServletRequest request, boolean mayRefresh) {
        Optional<TokenExtractor.AccessToken> token = tokens.locate(request);
        boolean refreshable = mayRefresh && (token.isEmpty() || token.get().fromCookie());
        // Read only when it can matter, and once: a bearer request never needs it.
        Optional<String> refreshToken = refreshable ? tokens.refreshTokenCookie(request) : Optional.empty();
        boolean byCookie = token.isPresent() ? token.get().fromCookie() : refreshToken.isPresent();
        if (byCookie && !origins.mayUseCookie(request)) {
            // Before validation and refresh: a forged request gets nothing, at no key fetch or IdP call.
            return new Verdict.Refused(new AccessDeniedException(null, List.of(),
                    Messages.crossSiteRefused(accessTokenCookie())), true, CookieChange.KEEP);
        }
        ValidatedToken user = null;
        Verdict asSent = new Verdict.Anonymous();
        if (token.isPresent()) {
            try {
                user = validator.validate(token.get().value(), token.get().fromCookie());
                asSent = new Verdict.Authenticated(user);
            } catch (NotAuthenticatedException e) {
                asSent = new Verdict.Refused(e, true, CookieChange.KEEP);
            }
        }
        if (!refreshable || user != null && !expiresSoon(user)) {
            return asSent;
        }
        Optional<TokenValidator.RefreshToken> session = refreshToken.flatMap(validator::refreshToken);
        return session.isEmpty() ? asSent : refresh.refresh(refreshToken.get(), session.get(), user);
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
        return new FilterGuard(config.filter().overriddenBy(initParams), this, paths);
    }

    /**
     * The caller's valid access token: the one the filter validated, else the request's own,
     * validated here; for a cookie-borne token of an unsafe request, only from a trusted origin.
     *
     * @throws NotAuthenticatedException without a valid access token
     * @throws AccessDeniedException     for a cross-site request that only the cookie authenticates
     * @throws IdpUnavailableException   when the keys cannot be had, or a change while the shared store is out (AV1503)
     */
    public String callerToken(HttpServletRequest request) {
        return callers.callerToken(request);
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
        return callers.callerToken(request, response);
    }

    /**
     * The session of the request's refresh token cookie, when its signature and claims hold; after
     * a refresh in this request, the new session.
     */
    public Optional<String> currentSessionId(HttpServletRequest request) {
        return callers.currentSessionId(request);
    }

    /** What the filter and the mechanism do with a verdict before their own answer. */
    VerdictEffects effects() {
        return effects;
    }

    String accessTokenCookie() {
        return config.cookies().accessTokenName();
    }

    CookieSettings cookieSettings() {
        return config.cookies();
    }

    @Override
    public String toString() {
        return "Authenticator[" + paths + ", " + gate + "]";
    }
}
