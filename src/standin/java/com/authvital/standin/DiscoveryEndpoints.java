package com.authvital.standin;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /.well-known/jwks.json} (the public halves of the published token keys, newest first,
 * then those of the webhook keys once made, as AuthVital publishes both purposes in one JWKS) and
 * {@code /.well-known/openid-configuration} (absolute URLs on the base URL, which is also the
 * issuer; {@code end_session_endpoint} names {@code /oauth/logout} as the IdP's does, although
 * only its POST exists). Every fetch is counted; the JWKS answers the injected JWKS fault while
 * there is one.
 */
final class DiscoveryEndpoints {

    static final String JWKS = "/.well-known/jwks.json";

    private final String baseUrl;
    private final KeyRing keys;
    private final WebhookKeys webhookKeys;
    private final DiscoveryStats stats;
    private final Faults faults;

    DiscoveryEndpoints(String baseUrl, KeyRing keys, WebhookKeys webhookKeys, DiscoveryStats stats, Faults faults) {
        this.baseUrl = baseUrl;
        this.keys = keys;
        this.webhookKeys = webhookKeys;
        this.stats = stats;
        this.faults = faults;
    }

    void register(Router router) {
        router.add("GET", JWKS, (call, params) -> jwks(call))
                .add("GET", "/.well-known/openid-configuration", (call, params) -> configuration(call));
    }

    private void jwks(IdpExchange call) throws IOException {
        // Counted before the fault: a client retrying against an outage is still fetching.
        stats.jwksFetched();
        if (!faults.intercept(call, Faults.Route.JWKS)) {
            call.send(200, IdpExchange.JSON_TYPE, KeyRing.jwksJson(keys, webhookKeys.ifMade()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void configuration(IdpExchange call) throws IOException {
        stats.discoveryFetched();
        call.sendJson(200, Json.createObjectBuilder()
                .add("issuer", baseUrl)
                .add("jwks_uri", baseUrl + JWKS)
                .add("authorization_endpoint", baseUrl + AuthorizeEndpoint.AUTHORIZE)
                .add("token_endpoint", baseUrl + TokenEndpoint.TOKEN)
                .add("end_session_endpoint", baseUrl + LogoutEndpoints.LOGOUT)
                .add("revocation_endpoint", baseUrl + "/oauth/revoke")
                .add("introspection_endpoint", baseUrl + "/oauth/introspect")
                .build());
    }
}
