package com.authvital.jakarta.internal.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The module's own JSON answers (a refused token, an unavailable IdP, a failed sign-in, a
 * logout) and the one rule for when a client gets JSON rather than a page or a redirect.
 */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    /**
     * Whether the client asked for JSON rather than a page: its {@code Accept} names
     * {@code application/json} and not {@code text/html} (a browser's navigation names both
     * {@code text/html} and {@code *}{@code /*}, a {@code fetch} asking for JSON only JSON).
     */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** A top-level browser navigation, which is better sent to a login page than given a 401. */
    public static boolean isNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && accept != null && accept.contains("text/html");
    }

    /** {@code {"error": error, "message": message}}, not to be stored by any cache. */
    public static void error(HttpServletResponse response, String error, String message) throws IOException {
        write(response, Json.createObjectBuilder().add("error", error).add("message", message).build());
    }

    /** {@code body} as UTF-8 JSON, with {@code Cache-Control: no-store}. */
    public static void write(HttpServletResponse response, JsonObject body) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }
}
