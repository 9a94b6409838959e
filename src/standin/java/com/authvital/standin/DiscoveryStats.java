package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * How often {@code /.well-known/jwks.json} and {@code /.well-known/openid-configuration} were
 * fetched, for {@code GET /dev/stats}: tests of JWKS caching assert how many times the module
 * went back for the keys. Kept apart from the request log, which holds {@code /oauth/*} only.
 */
final class DiscoveryStats {

    private long jwksFetches;
    private long discoveryFetches;

    synchronized void jwksFetched() {
        jwksFetches++;
    }

    synchronized void discoveryFetched() {
        discoveryFetches++;
    }

    /** Both counts back to 0, together, so no reader sees one reset and the other not. */
    synchronized void reset() {
        jwksFetches = 0;
        discoveryFetches = 0;
    }

    /** {@code {"jwksFetches":N,"discoveryFetches":M}}. */
    synchronized JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("jwksFetches", jwksFetches)
                .add("discoveryFetches", discoveryFetches)
                .build();
    }
}
