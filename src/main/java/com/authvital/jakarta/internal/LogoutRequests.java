package com.authvital.jakarta.internal;

import jakarta.servlet.http.HttpServletRequest;

/** How the logout servlet reads a request: its parameters and what answer it wants. */
public final class LogoutRequests {

    private LogoutRequests() {
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
