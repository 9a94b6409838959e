package com.authvital.standin;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /.well-known/jwks.json} (the public key only) and {@code /.well-known/openid-configuration}
 * (absolute URLs on the base URL, which is also the issuer).
 */
final class DiscoveryEndpoints {

    private final String baseUrl;
    private final TokenService tokens;

    DiscoveryEndpoints(String baseUrl, TokenService tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    void register(Router router) {
        router.add("GET", "/.well-known/jwks.json", (call, params) ->
                        call.send(200, Call.JSON_TYPE, tokens.jwksJson().getBytes(StandardCharsets.UTF_8)))
                .add("GET", "/.well-known/openid-configuration", (call, params) -> configuration(call));
    }

    private void configuration(Call call) throws IOException {
        call.sendJson(200, Json.createObjectBuilder()
                .add("issuer", baseUrl)
                .add("jwks_uri", baseUrl + "/.well-known/jwks.json")
                .add("token_endpoint", baseUrl + TokenEndpoint.TOKEN)
                .add("end_session_endpoint", baseUrl + LogoutEndpoints.LOGOUT)
                .add("revocation_endpoint", baseUrl + "/oauth/revoke")
                .add("introspection_endpoint", baseUrl + "/oauth/introspect")
                .build());
    }
}
