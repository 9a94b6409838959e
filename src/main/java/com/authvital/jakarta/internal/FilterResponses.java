package com.authvital.jakarta.internal;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** What the filter answers, and how it sees a request; kept out of the public filter class. */
public final class FilterResponses {

    private FilterResponses() {
    }

    /** The request's path inside the application, as servlet URL patterns match it. */
    public static String pathInApplication(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }

    /** The request behind the filter, answering the servlet security API with the token's user. */
    public static HttpServletRequest authenticated(HttpServletRequest request, ValidatedToken token) {
        return new AuthVitalRequest(request, token.principal());
    }

    /**
     * 401 with RFC 6750 §3's challenge, or a redirect to the login URL for a browser navigation.
     *
     * @param problem why the token was refused; {@code null} when there was none, in which case
     *                RFC 6750 §3.1 wants no error code in the challenge
     */
    public static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                       FilterSettings settings, String problem) throws IOException {
        if (settings.loginUrl().isPresent() && isNavigation(request)) {
            String login = settings.loginUrl().get();
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(login.startsWith("/") ? request.getContextPath() + login : login);
            return;
        }
        String message = problem != null ? problem
                : "AV1001: the request carries no access token: send 'Authorization: Bearer <token>' or sign in";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", problem == null ? "Bearer realm=\"authvital\""
                : "Bearer realm=\"authvital\", error=\"invalid_token\", error_description=\"" + quotable(problem) + "\"");
        json(response, "invalid_token", message);
    }

    /** 503 while the IdP's keys cannot be had: the client may try again shortly. */
    public static void unavailable(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        json(response, "temporarily_unavailable", message);
    }

    /**
     * 403 for a request the filter will not serve whoever the user is, such as a cross-site one
     * that only the cookie authenticates: signing in again would not help.
     */
    public static void forbidden(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        json(response, "forbidden", message);
    }

    /** A top-level browser navigation, which is better sent to a login page than given a 401. */
    private static boolean isNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && accept != null && accept.contains("text/html");
    }

    private static void json(HttpServletResponse response, String error, String message) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("error", error).add("message", message)
                .build().toString());
    }

    /** RFC 6750 §3: error_description is printable ASCII without '"' and '\'. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '\'');
        }
        return out.toString();
    }
}
