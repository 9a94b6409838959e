package com.authvital.jakarta.internal.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Servlet URL patterns (Servlet 6.0 §12.2: {@code /exact}, {@code /prefix/*}, {@code *.extension})
 * and the path a request is matched on: the one place that reads, checks and matches them.
 */
public final class UrlPatterns {

    private UrlPatterns() {
    }

    /** Servlet §12.2 URL patterns this module understands: /exact, /prefix/*, *.extension. */
    public static boolean isUrlPattern(String pattern) {
        int stars = pattern.length() - pattern.replace("*", "").length();
        return stars == 0 ? pattern.startsWith("/")
                : stars == 1 && (pattern.startsWith("*.") || pattern.startsWith("/") && pattern.endsWith("/*"));
    }

    /** Whether {@code path} (from {@link #pathInApplication}) matches {@code pattern}, as the container maps it. */
    public static boolean matches(String pattern, String path) {
        return pattern.startsWith("*.") ? path.endsWith(pattern.substring(1))
                : pattern.endsWith("/*") ? path.equals(pattern.substring(0, pattern.length() - 2))
                || path.startsWith(pattern.substring(0, pattern.length() - 1))
                : path.equals(pattern);
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
    public static String pathInApplication(String requestUri, String contextPath, String servletPath, String pathInfo) {
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
}
