package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.config.FilterSettings;
import com.authvital.jakarta.internal.http.NoStoreResponse;
import com.authvital.jakarta.internal.http.UrlPatterns;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What one {@code AuthVitalFilter} does with a request, under its settings: public paths pass,
 * a valid token makes the request the user's, anything else gets the answer it calls for (401
 * with RFC 6750 §3's challenge or the sign-in redirect, 403 for a cross-site cookie request, 503
 * while the IdP's keys cannot be had). Made by {@link Authenticator#guard}.
 */
public final class FilterGuard {

    private final FilterSettings settings;
    private final Authenticator authenticator;
    private final Challenges answers;

    FilterGuard(FilterSettings settings, Authenticator authenticator) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.answers = new Challenges(settings.loginUrl().or(authenticator::signInPath));
    }

    /**
     * Lets the request through, as the user of its token or anonymously, or answers it. The
     * response of a browser's request (no {@code Authorization} header), and any whose token
     * cookies were written before the filter, goes on wrapped: once a token cookie is set on it,
     * no later header makes it storable by a shared cache. An API client's request authenticated
     * by its header is not refreshed here and gets no cookie from the module: it goes unwrapped,
     * since wrapping costs every such request a few percent of its throughput.
     */
    public void doFilter(HttpServletRequest request, HttpServletResponse plain, FilterChain chain)
            throws IOException, ServletException {
        boolean written = request.getAttribute(Authenticator.TOKEN_COOKIES_WRITTEN) != null;
        HttpServletResponse response = written || request.getHeader("Authorization") == null
                ? new NoStoreResponse(plain, authenticator.cookieSettings().accessTokenName(),
                        authenticator.cookieSettings().refreshTokenName(), written) : plain;
        String path = UrlPatterns.pathInApplication(request);
        // The module's own sign-in and callback pass too: a filter over /* must not send the
        // sign-in to the sign-in.
        if (settings.isPublic(path) || authenticator.isSignInPath(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken known) {
            // The Jakarta Security mechanism authenticated it already: one authentication a request.
            chain.doFilter(authenticated(request, known), response);
            return;
        }
        boolean optional = settings.mode() == FilterSettings.Mode.OPTIONAL;
        Authenticator.Outcome outcome;
        try {
            outcome = authenticator.authenticate(request, response);
        } catch (AccessDeniedException e) {
            Challenges.forbidden(response, e.getMessage());
            return;
        } catch (NotAuthenticatedException e) {
            // A malformed Authorization header, two different tokens, or the IdP wants the user at
            // its sign-in again (SignInRequiredException): a navigation goes to the sign-in.
            if (optional) {
                chain.doFilter(request, response);
            } else {
                answers.unauthenticated(request, response, true, e.getMessage());
            }
            return;
        } catch (IdpUnavailableException e) {
            Challenges.unavailable(response, e);
            return;
        }
        ValidatedToken user = outcome.user();
        if (user == null) {
            if (optional) {
                chain.doFilter(request, response);
            } else {
                answers.unauthenticated(request, response, outcome.tokenSent(), outcome.refused() == null
                        ? Messages.noAccessToken(authenticator.accessTokenCookie()) : outcome.refused().getMessage());
            }
            return;
        }
        request.setAttribute(ValidatedToken.ATTRIBUTE, user);
        chain.doFilter(authenticated(request, user), response);
    }

    /** The request behind the filter, answering the servlet security API with the token's user. */
    static HttpServletRequest authenticated(HttpServletRequest request, ValidatedToken token) {
        return new AuthenticatedRequest(request, token.principal());
    }
}
