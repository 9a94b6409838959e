package com.authvital.standin;

import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code POST /dev/tokens}: mints one token as a test of JWT validation needs it (expired, not
 * yet valid, another issuer or audience, a refresh token, an unknown {@code kid}, a retired key),
 * which the real IdP would never issue. The body, every field optional:
 *
 * <pre>{@code
 * {"userId": "..", "type": "access"|"refresh", "sessionId": "..",
 *  "claims": {"exp": 1700000000, "aud": ["a", "b"]}, "removeClaims": ["jti"],
 *  "kid": "header kid, or null for none", "keyId": "the published or retired key that signs",
 *  "critical": "a header extension to add and list in crit"}
 * }</pre>
 *
 * <p>Answers {@code 201 {"token": ".."}}. The claims start as those of a normal token of that
 * type for the user (a new user without userId); {@code claims} are then set exactly as sent,
 * JSON numbers staying numbers, and {@code removeClaims} are removed last. The refresh token's
 * {@code sid} is {@code sessionId} or a random UUID; no session is created for it.
 */
final class DevTokens {

    private final IdpSessions store;
    private final TokenService tokens;
    private final KeyRing keys;
    private final String clientId;

    DevTokens(IdpSessions store, TokenService tokens, KeyRing keys, String clientId) {
        this.store = store;
        this.tokens = tokens;
        this.keys = keys;
        this.clientId = clientId;
    }

    void register(Router router) {
        router.add("POST", "/dev/tokens", (call, params) -> mint(call));
    }

    private void mint(IdpExchange call) throws IOException {
        JsonObject body = call.jsonObject();
        JsonObjectBuilder claims = Json.createObjectBuilder(defaults(body));
        JsonValue overrides = body.getOrDefault("claims", JsonValue.EMPTY_JSON_OBJECT);
        if (overrides.getValueType() != JsonValue.ValueType.OBJECT) {
            throw HttpProblem.badRequest("claims must be a JSON object of the claims to set");
        }
        overrides.asJsonObject().forEach(claims::add);
        removeClaims(body).forEach(claims::remove);

        SigningKey key = text(body, "keyId")
                .map(id -> keys.key(id).orElseThrow(() -> HttpProblem.badRequest("keyId names no key of this IdP")))
                .orElseGet(keys::current);
        // "kid": null asks for a header without kid; an absent kid is the signing key's own.
        String kid = body.containsKey("kid") ? text(body, "kid").orElse(null) : key.keyId();
        // Signed as the JSON text built here, so claim values reach the token exactly as sent.
        String token = key.sign(kid, text(body, "critical").orElse(null), new Payload(claims.build().toString()));
        call.sendJson(201, Json.createObjectBuilder().add("token", token).build());
    }

    /** The claims of a normal token of the requested type, as JSON. */
    private JsonObject defaults(JsonObject body) {
        String type = text(body, "type").orElse("access");
        if (!type.equals("access") && !type.equals("refresh")) {
            throw HttpProblem.badRequest("type must be \"access\" or \"refresh\"");
        }
        String userId = text(body, "userId").filter(id -> !id.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
        User user = store.userOrAdd(User.withDefaults(userId, null));
        Instant now = Instant.now();
        String sessionId = text(body, "sessionId").filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        // Only carries the sid and audience into the claims: it is never stored.
        StoredSession session = new StoredSession(sessionId, user.id(), clientId, now,
                now.plus(TokenService.REFRESH_LIFETIME), null, null, null);
        JWTClaimsSet claims = type.equals("refresh")
                ? tokens.refreshClaims(session, now)
                : tokens.accessClaims(user, session, now);
        return JsonSupport.parse(claims.toString().getBytes(StandardCharsets.UTF_8)).asJsonObject();
    }

    private static List<String> removeClaims(JsonObject body) {
        JsonValue names = body.getOrDefault("removeClaims", JsonValue.EMPTY_JSON_ARRAY);
        boolean valid = names.getValueType() == JsonValue.ValueType.ARRAY
                && names.asJsonArray().stream().allMatch(JsonString.class::isInstance);
        if (!valid) {
            throw HttpProblem.badRequest("removeClaims must be an array of claim names");
        }
        return names.asJsonArray().stream().map(name -> ((JsonString) name).getString()).collect(Collectors.toList());
    }

    /** A string field; empty when absent or null, a 400 naming the field when it is anything else. */
    private static Optional<String> text(JsonObject body, String name) {
        JsonValue value = body.getOrDefault(name, JsonValue.NULL);
        if (value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString)) {
            throw HttpProblem.badRequest(name + " must be a string");
        }
        return Optional.of(((JsonString) value).getString());
    }
}
