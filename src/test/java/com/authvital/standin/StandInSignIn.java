package com.authvital.standin;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sign-in at a stand-in over plain HTTP, as the module will do it without a browser: the
 * authorize parameters with a fresh state, nonce and PKCE verifier, the sign-in form's post, and
 * the code exchange. Every step returns the raw answer so a test can look at it.
 */
final class StandInSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String clientId;
    final String redirectUri;
    final String state = random(12);
    final String nonce = random(12);
    final String verifier = random(32);
    private final IdpHttp http;

    StandInSignIn(IdpHttp http, String clientId, String redirectUri) {
        this.http = http;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** The authorize parameters, in the order the module sends them. */
    Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("response_type", "code");
        params.put("scope", "openid profile email offline_access");
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", Pkce.challenge(verifier));
        params.put("code_challenge_method", "S256");
        return params;
    }

    IdpHttp.Answer page() {
        return http.send("GET", "/oauth/authorize?" + encode(parameters()), null);
    }

    /** Posts the sign-in form with this {@code decision} ({@code demo}, {@code second}, {@code deny}). */
    IdpHttp.Answer decide(String decision) {
        Map<String, String> fields = parameters();
        fields.put("decision", decision);
        return http.form("/oauth/authorize/login", encode(fields));
    }

    /** The code of a successful sign-in as this user. */
    String code(String decision) {
        IdpHttp.Answer answer = decide(decision);
        if (answer.status() != 302) {
            throw new AssertionError("sign-in answered " + answer.status() + ": " + answer.body());
        }
        return query(IdpHttp.location(answer)).get("code");
    }

    /** The code exchange with these form fields changed ({@code null} leaves one out). */
    IdpHttp.Answer exchange(String code, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        fields.put("client_id", clientId);
        fields.put("code_verifier", verifier);
        fields.putAll(changes);
        fields.values().removeIf(v -> v == null);
        return http.form("/oauth/token", encode(fields));
    }

    IdpHttp.Answer exchange(String code) {
        return exchange(code, Map.of());
    }

    /** The token answer of a whole sign-in as this user. */
    JsonObject signIn(String decision) {
        IdpHttp.Answer answer = exchange(code(decision));
        if (answer.status() != 200) {
            throw new AssertionError("code exchange answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** The decoded query parameters of a URL. */
    static Map<String, String> query(String url) {
        return FormCodec.parse(URI.create(url).getRawQuery());
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
