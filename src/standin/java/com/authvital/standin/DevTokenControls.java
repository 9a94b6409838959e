package com.authvital.standin;

import java.io.IOException;

/**
 * The test API for what a module meets at {@code POST /oauth/token}:
 *
 * <ul>
 *   <li>{@code PUT|DELETE /dev/token/fault}: {@code 204}; the token endpoint answers the fault
 *       until deleted. Fields as for {@code /dev/jwks/fault} (status 503 by default) plus
 *       {@code retryAfterSeconds}, e.g. {@code {"status":429,"retryAfterSeconds":30,
 *       "contentType":"application/json","body":"{\"statusCode\":429,..}"}}, an HTML 503
 *       ({@code {"contentType":"text/html","body":"<html>.."}}), or {@code {"delayMs":60000}} for
 *       an IdP that does not answer in time</li>
 *   <li>{@code PUT|DELETE /dev/users/{userId}/interaction-required}: {@code 204}; that user's
 *       refreshes answer {@code 401 interaction_required} until deleted</li>
 *   <li>{@code PUT|DELETE /dev/interaction-required}: {@code 204}; the same for everyone</li>
 *   <li>{@code GET /dev/token-stats[?userId=..]}: {@code 200 {"codeExchanges","refreshRequests",
 *       "refreshes","familyRevocations"}}, in total or for one user; {@code DELETE}: 204, all 0</li>
 * </ul>
 */
final class DevTokenControls {

    private final Faults faults;
    private final InteractionRequired interaction;
    private final GrantStats stats;

    DevTokenControls(Faults faults, InteractionRequired interaction, GrantStats stats) {
        this.faults = faults;
        this.interaction = interaction;
        this.stats = stats;
    }

    void register(Router router) {
        router.add("PUT", "/dev/token/fault", (call, params) -> done(call, () -> faults.put(Faults.Route.TOKEN,
                        call.jsonObject())))
                .add("DELETE", "/dev/token/fault", (call, params) -> done(call, () -> faults.remove(Faults.Route.TOKEN)))
                .add("PUT", "/dev/users/{}/interaction-required", (call, params) ->
                        done(call, () -> interaction.require(params.get(0))))
                .add("DELETE", "/dev/users/{}/interaction-required", (call, params) ->
                        done(call, () -> interaction.release(params.get(0))))
                .add("PUT", "/dev/interaction-required", (call, params) ->
                        done(call, () -> interaction.requireForEveryone(true)))
                .add("DELETE", "/dev/interaction-required", (call, params) ->
                        done(call, () -> interaction.requireForEveryone(false)))
                .add("GET", "/dev/token-stats", (call, params) ->
                        call.sendJson(200, stats.toJson(call.query("userId").orElse(null))))
                .add("DELETE", "/dev/token-stats", (call, params) -> done(call, stats::reset));
    }

    /** Runs the change, then answers 204. */
    private static void done(IdpExchange call, Runnable change) throws IOException {
        change.run();
        call.send(204, null, new byte[0]);
    }
}
