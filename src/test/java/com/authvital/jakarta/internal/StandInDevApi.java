package com.authvital.jakarta.internal;

import com.authvital.standin.StandInIdp;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

/**
 * The unit tests' handle on a {@link StandInIdp}'s {@code /dev} API: mints tokens, rotates and
 * retires keys, injects JWKS faults and reads the count of JWKS fetches. Not the code under test:
 * its own {@code HttpClient}, so none of its calls is counted as a fetch by the module.
 */
final class StandInDevApi {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    StandInDevApi(StandInIdp idp) {
        this.baseUrl = idp.baseUrl();
    }

    /** A token from {@code POST /dev/tokens}; {@code body} as DevTokens documents it. */
    String mint(String body) {
        return json(send("POST", "/dev/tokens", body, 201)).getString("token");
    }

    /** The kid of the key that signs new tokens. */
    String currentKid() {
        return json(send("GET", "/dev/keys", null, 200)).getString("current");
    }

    /** Makes a new signing key, published beside the old ones; its kid. */
    String rotate() {
        return json(send("POST", "/dev/keys/rotate", null, 200)).getString("kid");
    }

    /** Takes a (not current) key out of the JWKS. */
    void retire(String kid) {
        send("POST", "/dev/keys/" + kid + "/retire", null, 200);
    }

    /** The JWKS as the IdP publishes it now; counted as one fetch by the stand-in. */
    String jwks() {
        return send("GET", "/.well-known/jwks.json", null, 200);
    }

    /** The public key published under {@code kid}; counted as one JWKS fetch. */
    RSAKey publicKey(String kid) {
        try {
            return (RSAKey) JWKSet.parse(jwks()).getKeyByKeyId(kid);
        } catch (ParseException e) {
            throw new IllegalStateException("the stand-in's JWKS is not a JWK set", e);
        }
    }

    /** Replaces the JWKS answer: {@code {"status","contentType","body","delayMs"}}, status 503 unless given. */
    void jwksFault(JsonObject fault) {
        send("PUT", "/dev/jwks/fault", fault.toString(), 204);
    }

    /** Serves the real JWKS again. */
    void removeJwksFault() {
        send("DELETE", "/dev/jwks/fault", null, 204);
    }

    /** How many times {@code /.well-known/jwks.json} was asked for since the start or the last reset. */
    int jwksFetches() {
        return json(send("GET", "/dev/stats", null, 200)).getInt("jwksFetches");
    }

    void resetStats() {
        send("DELETE", "/dev/stats", null, 204);
    }

    private String send(String method, String path, String body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
