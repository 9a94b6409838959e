package com.authvital.jakarta.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/** How the logout servlet reads a request: where it comes from and what answer it wants. */
public final class LogoutRequests {

    private LogoutRequests() {
    }

    /**
     * Whether a logout {@code POST} may be obeyed: a browser's cross-site request (a form on
     * another site) may not, since it would log the user out against their will. {@code Origin}
     * must be the application's own or allowed; {@code Sec-Fetch-Site}, when a browser sends it,
     * must say {@code same-origin} unless the origin is allowed. A client that sends neither is
     * not a browser and holds no one else's cookies.
     */
    public static boolean sameOrAllowedOrigin(HttpServletRequest request, List<String> allowedOrigins) {
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        Optional<String> from = origin == null ? Optional.empty() : RedirectTargets.origin(origin);
        boolean allowed = from.isPresent() && allowedOrigins.stream()
                .map(RedirectTargets::origin).flatMap(Optional::stream).anyMatch(from.get()::equals);
        if (origin != null && !allowed && !from.equals(Optional.of(ownOrigin(request)))) {
            return false;
        }
        return site == null || site.equals("same-origin") || site.equals("none") || allowed;
    }

    /** The application's own origin, as this request reached it. */
    public static String ownOrigin(HttpServletRequest request) {
        return RedirectTargets.origin(request.getScheme() + "://" + request.getServerName() + ":"
                + request.getServerPort() + "/").orElse("");
    }

    /** A request parameter, or null when absent or not decodable (a malformed escape like %zz). */
    public static String parameter(HttpServletRequest request, String name) {
        try {
            return request.getParameter(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the client asked for JSON rather than a page. */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    /**
     * Where to send the browser: the {@code redirect} parameter when it may be followed, else the
     * configured location; relative to the application.
     */
    public static String location(HttpServletRequest request, LogoutSettings settings) {
        RedirectTargets targets = settings.targets();
        return targets.resolve(parameter(request, "redirect"), request.getContextPath())
                .or(() -> targets.resolve(settings.redirect(), request.getContextPath()))
                .orElse(request.getContextPath() + "/");
    }
}
