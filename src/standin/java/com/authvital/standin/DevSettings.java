package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;

/**
 * The test API for the stand-in's settings, which the real IdP keeps per client in its console:
 *
 * <ul>
 *   <li>{@code GET /dev/settings}: {@code 200 {"accessTokenLifetimeSeconds","tokenRequestsPerMinute",
 *       "otherRequestsPerMinute"}} (0 requests a minute: no limit)</li>
 *   <li>{@code PUT /dev/settings} with any of those fields: sets them, answers the same {@code 200};
 *       the lifetime applies to tokens minted from then on</li>
 *   <li>{@code DELETE /dev/rate-limits}: {@code 204}; every IP's count starts again at 0</li>
 *   <li>{@code PUT /dev/clients/{clientId}} with {@code {"secret": ".."|null,
 *       "rotationReuseIntervalSeconds": N}}, both optional: adds or changes a client, answers
 *       {@code 200 {"clientId","hasSecret","rotationReuseIntervalSeconds"}}</li>
 *   <li>{@code GET /dev/demo-users}: {@code 200 {"demo":{"id","email"},"second":{"id","email"}}},
 *       the users of the sign-in page</li>
 *   <li>{@code POST /dev/demo-users/reset}: the same, after the Demo User was replaced by a new
 *       one with just its two older sessions (a test's devices page starts from there)</li>
 * </ul>
 */
final class DevSettings {

    private final TokenService tokens;
    private final RateLimiter limiter;
    private final Clients clients;
    private final DemoUsers users;

    DevSettings(TokenService tokens, RateLimiter limiter, Clients clients, DemoUsers users) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.clients = clients;
        this.users = users;
    }

    void register(Router router) {
        router.add("GET", "/dev/settings", (call, params) -> call.sendJson(200, settings()))
                .add("PUT", "/dev/settings", (call, params) -> putSettings(call))
                .add("DELETE", "/dev/rate-limits", (call, params) -> resetRateLimits(call))
                .add("PUT", "/dev/clients/{}", (call, params) ->
                        call.sendJson(200, clients.put(params.get(0), call.jsonObject()).toJson()))
                .add("GET", "/dev/demo-users", (call, params) -> call.sendJson(200, users.toJson()))
                .add("POST", "/dev/demo-users/reset", (call, params) -> call.sendJson(200, users.reset().toJson()));
    }

    private void putSettings(IdpExchange call) throws IOException {
        JsonObject body = call.jsonObject();
        var lifetime = JsonSupport.count(body, "accessTokenLifetimeSeconds");
        if (lifetime.isPresent() && lifetime.get() == 0) {
            throw HttpProblem.badRequest("accessTokenLifetimeSeconds must be positive");
        }
        lifetime.ifPresent(seconds -> tokens.accessLifetime(Duration.ofSeconds(seconds)));
        limiter.limits(
                JsonSupport.count(body, "tokenRequestsPerMinute").map(Long::intValue).orElse(limiter.tokenLimit()),
                JsonSupport.count(body, "otherRequestsPerMinute").map(Long::intValue).orElse(limiter.otherLimit()));
        call.sendJson(200, settings());
    }

    private void resetRateLimits(IdpExchange call) throws IOException {
        limiter.reset();
        call.send(204, null, new byte[0]);
    }

    private JsonObject settings() {
        return Json.createObjectBuilder()
                .add("accessTokenLifetimeSeconds", tokens.accessLifetime().toSeconds())
                .add("tokenRequestsPerMinute", limiter.tokenLimit())
                .add("otherRequestsPerMinute", limiter.otherLimit())
                .build();
    }
}
