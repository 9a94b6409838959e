package com.authvital.standin;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stand-in's signing keys, for key-rotation tests: the current key signs every new token,
 * the published keys (newest first, the current one among them) make up the JWKS and are the
 * ones the bearer guard accepts. Retired keys leave the JWKS but are kept, so that
 * {@code POST /dev/tokens} can still sign with one to make a token no published key verifies.
 */
final class KeyRing {

    static final String CANNOT_RETIRE_CURRENT = "Cannot retire the current signing key; rotate first";
    static final String KEY_NOT_FOUND = "Key not found";

    // Newest first, as a rotating IdP lists its JWKS; index 0 is the current key.
    private final List<SigningKey> published = new ArrayList<>();
    private final Map<String, SigningKey> everyKey = new HashMap<>();

    private final java.util.function.Supplier<SigningKey> generator;

    KeyRing(SigningKey first) {
        this(first, SigningKey::generate);
    }

    /** A ring whose rotations make keys with {@code generator}: the webhook keys have kids of their own form. */
    KeyRing(SigningKey first, java.util.function.Supplier<SigningKey> generator) {
        this.generator = generator;
        add(first);
    }

    synchronized SigningKey current() {
        return published.get(0);
    }

    synchronized List<SigningKey> published() {
        return List.copyOf(published);
    }

    synchronized List<String> publishedIds() {
        return published.stream().map(SigningKey::keyId).collect(Collectors.toList());
    }

    /** A key this IdP made, published or retired. */
    synchronized Optional<SigningKey> key(String keyId) {
        return Optional.ofNullable(everyKey.get(keyId));
    }

    /** Makes a new key, which signs from now on; the previous keys stay published. */
    SigningKey rotate() {
        // Generated outside the lock: it takes a tenth of a second, and requests must not wait.
        SigningKey key = generator.get();
        add(key);
        return key;
    }

    /**
     * Removes a key from the JWKS and from what the bearer guard accepts. Retiring a retired key
     * changes nothing.
     *
     * @throws HttpProblem 404 for a key this IdP never made, 409 for the current key
     */
    synchronized void retire(String keyId) {
        if (!everyKey.containsKey(keyId)) {
            throw HttpProblem.notFound(KEY_NOT_FOUND);
        }
        if (current().keyId().equals(keyId)) {
            throw HttpProblem.conflict(CANNOT_RETIRE_CURRENT);
        }
        published.removeIf(key -> key.keyId().equals(keyId));
    }

    /** {@code {"current":kid,"published":[kid,...]}}, read at one instant. */
    synchronized JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("current", current().keyId())
                .add("published", Json.createArrayBuilder(publishedIds()))
                .build();
    }

    /** {@code {"keys":[...]}}: the public halves of the published keys, newest first. */
    String jwksJson() {
        return new JWKSet(publicKeys()).toString(true);
    }

    /**
     * {@code {"keys":[...]}} of several rings (null ones skipped) in one document, each ring's keys newest first, as
     * AuthVital lists its token and webhook keys together with no purpose marker (events §3.4).
     */
    static String jwksJson(KeyRing... rings) {
        List<JWK> keys = new ArrayList<>();
        for (KeyRing ring : rings) {
            if (ring != null) {
                keys.addAll(ring.publicKeys());
            }
        }
        return new JWKSet(keys).toString(true);
    }

    private synchronized List<JWK> publicKeys() {
        return published.stream().map(key -> (JWK) key.key().toPublicJWK()).collect(Collectors.toList());
    }

    private synchronized void add(SigningKey key) {
        published.add(0, key);
        everyKey.put(key.keyId(), key);
    }
}
