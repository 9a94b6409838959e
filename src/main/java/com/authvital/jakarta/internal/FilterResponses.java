package com.authvital.jakarta.internal;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** What the filter answers, and how it sees a request; kept out of the public filter class. */
public final class FilterResponses {

    private FilterResponses() {
    }

    /**
     * The path the container routes the request on, inside the application (servlet path and path
     * info, {@code ;} parameters dropped), as servlet URL patterns match it; {@code null}, which no
     * public pattern matches, when the request spells it in any other way.
     */
    public static String pathInApplication(HttpServletRequest request) {
        return pathInApplication(request.getRequestURI(), request.getContextPath(), request.getServletPath(),
                request.getPathInfo());
    }

    /**
     * Servlet 6.0 §3.5.2 (URI path canonicalization): the container maps a request on its path with
     * the parameters removed from every segment, decoded, dot segments resolved; Open Liberty does
     * so for the servlet path, and this drops parameters again for containers that leave them. But
     * a JAX-RS runtime matches the URI as sent: on Open Liberty {@code /api/admin/../health} is the
     * servlet path {@code /api/health} and the resource {@code admin/{x: .+}}. So a path is only
     * returned when the request URI, parameters dropped, is exactly the context path and it, and
     * it is plain: anything a container or JAX-RS may read in two ways (a dot segment, an encoded
     * character, {@code //}) is never public and needs a token. This runs on every request: no
     * regular expression, and no allocation beyond joining the two parts unless a {@code ;} is sent.
     */
    static String pathInApplication(String requestUri, String contextPath, String servletPath, String pathInfo) {
        String path = withoutParameters(pathInfo == null ? servletPath : servletPath + pathInfo);
        String sent = withoutParameters(requestUri);
        if (sent.length() != contextPath.length() + path.length() || !sent.startsWith(contextPath)
                || !sent.startsWith(path, contextPath.length()) || !isPlain(path)) {
            return null;
        }
        return path.isEmpty() ? "/" : path;
    }

    /** {@code path} without the parameters ({@code ;...} up to the next {@code /}) of every segment. */
    static String withoutParameters(String path) {
        int semicolon = path.indexOf(';');
        if (semicolon < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        int from = 0;
        while (semicolon >= 0) {
            out.append(path, from, semicolon);
            int slash = path.indexOf('/', semicolon);
            from = slash < 0 ? path.length() : slash;
            semicolon = path.indexOf(';', from);
        }
        return out.append(path, from, path.length()).toString();
    }

    /**
     * Printable ASCII without {@code %} or {@code \}, no empty segment but a trailing one (no
     * {@code //}), and no segment ending in {@code .}: that is no {@code .} or {@code ..} segment,
     * and no trailing dot, which some file systems drop.
     */
    private static boolean isPlain(String path) {
        int segment = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                if (i > 0 && (i == segment || path.charAt(i - 1) == '.')) {
                    return false;
                }
                segment = i + 1;
            } else if (c <= ' ' || c >= 0x7F || c == '%' || c == '\\') {
                return false;
            }
        }
        return path.isEmpty() || path.charAt(path.length() - 1) != '.';
    }

    /** The request behind the filter, answering the servlet security API with the token's user. */
    public static HttpServletRequest authenticated(HttpServletRequest request, ValidatedToken token) {
        return new AuthenticatedRequest(request, token.principal());
    }

    /**
     * 401 with RFC 6750 §3's challenge, or a redirect to the login URL for a browser navigation.
     *
     * @param tokenSent whether the request held a token, refused; without one RFC 6750 §3.1 wants no
     *                  error code in the challenge
     * @param message   what the client is told: why the token was refused, or that there was none
     */
    public static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                       FilterSettings settings, boolean tokenSent, String message) throws IOException {
        if (settings.loginUrl().isPresent() && isNavigation(request)) {
            String login = settings.loginUrl().get();
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(login.startsWith("/") ? request.getContextPath() + login : login);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", !tokenSent ? "Bearer realm=\"authvital\""
                : "Bearer realm=\"authvital\", error=\"invalid_token\", error_description=\"" + quotable(message) + "\"");
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
