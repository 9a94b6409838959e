package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * An error answer in the shape of the NestJS backend: {@code {"statusCode","message","error"}}
 * (or, for the few answers the IdP gives in OAuth's shape, {@link #oauth}).
 * Thrown by handlers and written by the {@link Router}; its message never holds a token.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final JsonObject oauthBody;

    HttpProblem(int status, String message) {
        this(status, message, null);
    }

    private HttpProblem(int status, String message, JsonObject oauthBody) {
        // Control flow, not a bug: a stack trace would only cost time.
        super(message, null, false, false);
        this.status = status;
        this.oauthBody = oauthBody;
    }

    /**
     * An error in OAuth's shape {@code {"error","error_description"}} (RFC 6749 §5.2), which the
     * IdP answers for {@code interaction_required} instead of its NestJS shape.
     */
    static HttpProblem oauth(int status, String error, String description) {
        return new HttpProblem(status, description, Json.createObjectBuilder()
                .add("error", error)
                .add("error_description", description)
                .build());
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, message);
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    static HttpProblem conflict(String message) {
        return new HttpProblem(409, message);
    }

    /** The 404 that NestJS answers for a route it does not have. */
    static HttpProblem noRoute(IdpExchange call) {
        String query = call.rawQuery();
        // NestJS quotes the request's original URL: raw path plus raw query.
        String url = query == null ? call.rawPath() : call.rawPath() + "?" + query;
        return notFound("Cannot " + call.method() + " " + url);
    }

    int status() {
        return status;
    }

    JsonObject body() {
        if (oauthBody != null) {
            return oauthBody;
        }
        return Json.createObjectBuilder()
                .add("statusCode", status)
                .add("message", getMessage())
                .add("error", reason(status))
                .build();
    }

    private static String reason(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 409: return "Conflict";
            default: return "Internal Server Error";
        }
    }
}
