package com.authvital.jakarta.internal;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.NotAuthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is calling: the one place that finds a request's token, judges where a cookie-borne one
 * came from, and validates it. The filter asks it for a {@link FilterGuard}; the sessions service
 * for the caller's token and session. One per application.
 */
public final class Authenticator {

    private final AuthVitalConfig config;
    private final TokenExtractor tokens;
    private final TokenValidator validator;
    private final RequestOrigin origins;

    Authenticator(AuthVitalConfig config, TokenExtractor tokens, TokenValidator validator) {
        this.config = config;
        this.tokens = tokens;
        this.validator = validator;
        this.origins = new RequestOrigin(config.allowedOrigins());
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
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken validated) {
            return validated.token(); // the filter judged it, origin included
        }
        TokenExtractor.AccessToken token = tokens.locate(request).orElseThrow(() -> new NotAuthenticatedException(
                null, List.of(), Messages.noAccessToken(config.cookies().accessTokenName())));
        if (token.fromCookie() && !origins.mayUseCookie(request)) {
            throw new AccessDeniedException(null, List.of(), Messages.crossSiteRefused(config.cookies().accessTokenName()));
        }
        return validator.validate(token.value()).token();
    }

    /** The session of the request's refresh token cookie, when its signature and claims hold. */
    public Optional<String> currentSessionId(HttpServletRequest request) {
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

    String accessTokenCookie() {
        return config.cookies().accessTokenName();
    }
}
