package com.authvital.bench;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.standin.StandInIdp;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the token benchmarks share: a stand-in IdP on a loopback port, one real access token of
 * it (a user signed in to a tenant, so it carries roles and permissions as AuthVital's do), the
 * IdP's public key from its JWKS, and two validators for it, with the token cache off and on.
 */
@State(Scope.Benchmark)
public class TokenFixture {

    static final String CLIENT_ID = "authvital-bench";

    StandInIdp idp;
    /** The token's bytes, as they arrive in a request; {@link #requestToken()} makes the string. */
    byte[] tokenBytes;
    String token;
    String subject;
    RSAPublicKey publicKey;
    /** The JWS signing input, {@code header.payload}, as the signature covers it. */
    byte[] signingInput;
    /** The signature, still base64url-encoded. */
    String signaturePart;
    TokenValidator uncached;
    TokenValidator cached;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        idp = StandInIdp.start(0, CLIENT_ID);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        token = accessToken(http);
        tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signaturePart = token.substring(lastDot + 1);

        SignedJWT jwt = SignedJWT.parse(token);
        subject = jwt.getJWTClaimsSet().getSubject();
        String jwks = get(http, idp.baseUrl() + "/.well-known/jwks.json");
        publicKey = ((RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID())).toRSAPublicKey();

        uncached = new TokenValidator(config("0"));
        cached = new TokenValidator(config("10000"));
        // The first validation fetches the JWKS over HTTP (then cached) and, with the cache on,
        // remembers the token. A validator that refuses it fails the run instead of timing errors.
        for (TokenValidator validator : new TokenValidator[] {uncached, cached}) {
            if (!validator.validate(token).principal().getName().equals(subject)) {
                throw new IllegalStateException("the validator does not see the token's user");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        uncached.close();
        cached.close();
        idp.close();
    }

    /** The token as a request carries it: equal to the one minted, a new instance each time. */
    String requestToken() {
        return new String(tokenBytes, StandardCharsets.US_ASCII);
    }

    private AuthVitalConfig config(String cacheSize) {
        Map<String, String> settings = Map.of(
                ConfigKeys.HOST, idp.baseUrl(),
                ConfigKeys.CLIENT_ID, CLIENT_ID,
                ConfigKeys.TOKEN_CACHE_SIZE, cacheSize);
        return AuthVitalConfig.load(key -> Optional.ofNullable(settings.get(key)));
    }

    /** An access token of a new user signed in to a tenant, from the stand-in's {@code /dev/sessions}. */
    private String accessToken(HttpClient http) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(idp.baseUrl() + "/dev/sessions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"acme\",\"email\":\"ada@example.com\"}"))
                .build();
        HttpResponse<String> created = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /dev/sessions answered " + created.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(created.body()))) {
            return reader.readObject().getString("accessToken");
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
