package com.authvital.jakarta.internal.flow;

import com.authvital.jakarta.internal.session.Sealer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * A sign-in's secrets between the redirect to the IdP and the callback, kept by the browser
 * instead of the server: a JWE ({@code dir}, {@code A256GCM}, nimbus-jose-jwt) that only a server
 * holding the key can read or make, so its {@code state}, PKCE verifier and nonce stay unknown to
 * the browser's scripts and to anyone who sees the URL. It expires ten minutes after the sign-in
 * starts, by its own time inside, whatever the browser does with {@code Max-Age}.
 */
final class FlowCookie {

    /** How long a sign-in may take at the IdP. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /**
     * One sign-in in progress.
     *
     * @param state       the random {@code state} sent to the IdP, to be found again in the callback
     * @param nonce       the random {@code nonce} the ID token must carry
     * @param verifier    the PKCE code verifier
     * @param redirectUri the callback URL sent to the IdP, which the code exchange must repeat
     * @param returnTo    where the browser goes once signed in
     * @param expiresAt   when the sign-in is no longer accepted
     */
    record Flow(String state, String nonce, String verifier, String redirectUri, String returnTo, Instant expiresAt) {

        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }

        /** Never the secrets. */
        @Override
        public String toString() {
            return "Flow[returnTo=" + returnTo + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final Sealer sealer;

    FlowCookie(SecretKey key) {
        this.sealer = new Sealer(key);
    }

    /** The flow sealed for the cookie's value. */
    String seal(Flow flow) {
        String json = Json.createObjectBuilder().add("state", flow.state()).add("nonce", flow.nonce())
                .add("verifier", flow.verifier()).add("redirect_uri", flow.redirectUri())
                .add("return_to", flow.returnTo()).add("exp", flow.expiresAt().getEpochSecond()).build().toString();
        return sealer.seal(json);
    }

    /**
     * The flow in a cookie's value, when this key sealed it, expired or not; empty for anything
     * else (another server's key, a restart with a generated key, tampering).
     */
    Optional<Flow> open(String value) {
        Optional<String> text = sealer.open(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonObject json;
            try (JsonReader reader = Json.createReader(new StringReader(text.get()))) {
                json = reader.readObject();
            }
            Flow flow = new Flow(json.getString("state"), json.getString("nonce"), json.getString("verifier"),
                    json.getString("redirect_uri"), json.getString("return_to"),
                    Instant.ofEpochSecond(json.getJsonNumber("exp").longValueExact()));
            return Optional.of(flow);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                 | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
