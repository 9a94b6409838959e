package com.authvital.standin;

import jakarta.json.Json;
import java.io.IOException;

/**
 * The test API for what a JWKS client meets: key rotation and retirement, a JWKS outage, and
 * the count of discovery fetches. The real IdP has none of it.
 *
 * <ul>
 *   <li>{@code POST /dev/keys/rotate}: {@code 200 {"kid","published"}}; the new key signs from now on</li>
 *   <li>{@code POST /dev/keys/{kid}/retire}: {@code 200 {"current","published"}}; 404 unknown, 409 current</li>
 *   <li>{@code GET /dev/keys}: {@code 200 {"current","published"}}</li>
 *   <li>{@code PUT|DELETE /dev/jwks/fault}: {@code 204}; the JWKS answers the fault until deleted</li>
 *   <li>{@code GET /dev/stats}: {@code 200 {"jwksFetches","discoveryFetches"}}; {@code DELETE}: 204, both 0</li>
 * </ul>
 */
final class DevKeyEndpoints {

    private final KeyRing keys;
    private final DiscoveryStats stats;
    private final Faults faults;

    DevKeyEndpoints(KeyRing keys, DiscoveryStats stats, Faults faults) {
        this.keys = keys;
        this.stats = stats;
        this.faults = faults;
    }

    void register(Router router) {
        router.add("POST", "/dev/keys/rotate", (call, params) -> rotate(call))
                .add("POST", "/dev/keys/{}/retire", (call, params) -> retire(call, params.get(0)))
                .add("GET", "/dev/keys", (call, params) -> call.sendJson(200, keys.toJson()))
                .add("PUT", "/dev/jwks/fault", (call, params) -> putFault(call))
                .add("DELETE", "/dev/jwks/fault", (call, params) -> deleteFault(call))
                .add("GET", "/dev/stats", (call, params) -> call.sendJson(200, stats.toJson()))
                .add("DELETE", "/dev/stats", (call, params) -> resetStats(call));
    }

    private void rotate(IdpExchange call) throws IOException {
        SigningKey key = keys.rotate();
        call.sendJson(200, Json.createObjectBuilder()
                .add("kid", key.keyId())
                .add("published", Json.createArrayBuilder(keys.publishedIds()))
                .build());
    }

    private void retire(IdpExchange call, String keyId) throws IOException {
        keys.retire(keyId);
        call.sendJson(200, keys.toJson());
    }

    private void putFault(IdpExchange call) throws IOException {
        faults.put(Faults.Route.JWKS, call.jsonObject());
        call.send(204, null, new byte[0]);
    }

    private void deleteFault(IdpExchange call) throws IOException {
        faults.remove(Faults.Route.JWKS);
        call.send(204, null, new byte[0]);
    }

    private void resetStats(IdpExchange call) throws IOException {
        stats.reset();
        call.send(204, null, new byte[0]);
    }
}
