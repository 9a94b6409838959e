package com.authvital.jakarta.internal.auth;

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
import java.util.Optional;

/**
 * What one {@code AuthVitalFilter} does with a request, under its settings: public paths pass,
 * a valid token makes the request the user's, anything else gets the answer it calls for (401
 * with RFC 6750 §3's challenge or the sign-in redirect, 403 for a cross-site cookie request, 503
 * while the IdP's keys cannot be had). Made by {@link Authenticator#guard}.
 */
public final class FilterGuard {

    private final FilterSettings settings;
    private final Authenticator authenticator;
    private final ModulePaths paths;
    private final Challenges answers;

    FilterGuard(FilterSettings settings, Authenticator authenticator, ModulePaths paths) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.paths = paths;
        this.answers = new Challenges(settings.loginUrl().or(paths::signIn));
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
        if (settings.isPublic(path) || paths.isSignInOrCallback(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken known) {
            // The Jakarta Security mechanism authenticated it already: one authentication a request.
            chain.doFilter(authenticated(request, known), response);
            return;
        }
        Optional<HttpServletRequest> onward = onward(authenticator.decide(request), request, response);
        if (onward.isPresent()) {
            chain.doFilter(onward.get(), response);
        }
    }

    /** The verdict as the filter answers it: the request to pass on, or empty when answered here. */
    private Optional<HttpServletRequest> onward(Verdict verdict, HttpServletRequest request,
                                                HttpServletResponse response) throws IOException {
        authenticator.effects().apply(verdict, request, response);
        return switch (verdict.kind()) {
            case AUTHENTICATED -> Optional.of(authenticated(request, ((Verdict.Authenticated) verdict).user()));
            case REFRESHED -> Optional.of(authenticated(request, ((Verdict.Refreshed) verdict).user()));
            case ANONYMOUS -> noUser(request, response, false, Messages.noAccessToken(authenticator.accessTokenCookie()));
            case REFUSED -> {
                Verdict.Refused refused = (Verdict.Refused) verdict;
                if (refused.crossSite()) {
                    Challenges.forbidden(response, refused.message()); // in the optional mode too
                    yield Optional.empty();
                }
                // A navigation whose refresh needs the IdP's sign-in goes to the sign-in, as any other.
                yield noUser(request, response, refused.tokenSent(), refused.message());
            }
            case UNAVAILABLE -> {
                Challenges.unavailable(response, (Verdict.Unavailable) verdict);
                yield Optional.empty();
            }
        };
    }

    /** Without a user: on in the optional mode, else 401 or the sign-in. */
    private Optional<HttpServletRequest> noUser(HttpServletRequest request, HttpServletResponse response,
                                                boolean tokenSent, String message) throws IOException {
        if (settings.mode() == FilterSettings.Mode.OPTIONAL) {
            return Optional.of(request);
        }
        answers.unauthenticated(request, response, tokenSent, message);
        return Optional.empty();
    }

    /** The request behind the filter, answering the servlet security API with the token's user. */
    static HttpServletRequest authenticated(HttpServletRequest request, ValidatedToken token) {
        return new AuthenticatedRequest(request, token.principal());
    }
}
