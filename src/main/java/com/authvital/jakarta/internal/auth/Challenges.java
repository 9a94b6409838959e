package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.internal.http.BearerChallenge;
import com.authvital.jakarta.internal.http.ClientText;
import com.authvital.jakarta.internal.http.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The answers to a request that gets no user, the same from the filter and from the Jakarta
 * Security mechanism: 401 with RFC 6750 §3's challenge (or the sign-in for a browser
 * navigation), 403 for a cross-site cookie request, 503 while the IdP's keys or a needed refresh
 * cannot be had. Always JSON {@code {"error","message"}}, never cached.
 */
final class Challenges {

    private final Optional<String> loginUrl;

    /** @param loginUrl where a browser navigation without a user goes; empty for a 401 */
    Challenges(Optional<String> loginUrl) {
        this.loginUrl = loginUrl;
    }

    /**
     * 401 with RFC 6750 §3's challenge, or a redirect to the login URL for a browser navigation.
     *
     * @param tokenSent whether the request held a token, refused; without one RFC 6750 §3.1 wants no
     *                  error code in the challenge
     * @param message   what the client is told: why the token was refused, or that there was none
     */
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, boolean tokenSent,
                         String message) throws IOException {
        if (loginUrl.isPresent() && JsonAnswers.isNavigation(request)) {
            String login = loginUrl.get();
            response.setHeader("Cache-Control", "no-store");
            // Back where the user was going, once signed in: the sign-in checks the path again.
            response.sendRedirect(login.startsWith("/") ? request.getContextPath() + login
                    + (login.contains("?") ? "&" : "?") + "redirect=" + URLEncoder.encode(returnPath(request),
                    StandardCharsets.UTF_8) : login);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", BearerChallenge.header(tokenSent ? Optional.of(message) : Optional.empty()));
        json(response, "invalid_token", message);
    }

    /**
     * 503 while the IdP's keys cannot be had, or a needed refresh cannot be made: the client may
     * try again shortly, after the IdP's own {@code Retry-After} when it is rate-limiting. The IdP's
     * address and the connection error are not the client's to read ({@link ClientText}): the
     * refresh logged them.
     */
    static void unavailable(HttpServletResponse response, Verdict.Unavailable unavailable) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(unavailable.retryAfterSeconds()));
        json(response, "temporarily_unavailable", ClientText.of(unavailable.failure()));
    }

    /**
     * 403 for a request the filter will not serve whoever the user is, such as a cross-site one
     * that only the cookie authenticates: signing in again would not help.
     */
    static void forbidden(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        json(response, "forbidden", message);
    }

    /** The request's path in the application with its query, to come back to after signing in. */
    private static String returnPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    private static void json(HttpServletResponse response, String error, String message) throws IOException {
        JsonAnswers.error(response, error, message);
    }
}
