package com.authvital.standin;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parameters of {@code /oauth/authorize}, validated: a known client, a redirect URI the
 * stand-in may send a browser to, {@code response_type=code}, PKCE with {@code S256}, known
 * scopes. The stand-in's "registered" redirect URIs are every http(s) URI on a loopback host
 * ({@link Pages#loopbackUri}).
 *
 * @param clientId      the client
 * @param redirectUri   where the browser goes back, exactly as sent
 * @param scope         the scopes, space-separated; {@value TokenService#SCOPE} when none were sent
 * @param state         the client's state, or null
 * @param nonce         the client's nonce for the ID token, or null
 * @param codeChallenge the PKCE S256 challenge
 * @param tenant        the tenant named by the redirect URI's sub-domain, or null
 */
record AuthorizeRequest(String clientId, String redirectUri, String scope, String state, String nonce,
        String codeChallenge, String tenant) {

    static final Set<String> SCOPES = Set.of("openid", "profile", "email", "offline_access");

    /** The names of the authorize parameters, which the sign-in form carries on as hidden fields. */
    static final String[] PARAMETERS = {"client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
        "code_challenge", "code_challenge_method"};

    private static final String LOCALHOST = ".localhost";

    /**
     * Validates the parameters of a query or of the sign-in form.
     *
     * @throws HttpProblem 400 naming the first problem; the caller shows it, never redirects
     */
    static AuthorizeRequest parse(Map<String, String> params, Clients clients) {
        String clientId = params.get("client_id");
        if (!clients.isKnown(clientId)) {
            throw HttpProblem.badRequest("Unknown client_id");
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            throw HttpProblem.badRequest("Missing redirect_uri");
        }
        URI uri = Pages.loopbackUri(redirectUri)
                .orElseThrow(() -> HttpProblem.badRequest("redirect_uri is not registered for this client"));
        if (!"code".equals(params.get("response_type"))) {
            throw HttpProblem.badRequest("Unsupported response_type: only code is supported");
        }
        String challenge = params.get("code_challenge");
        if (challenge == null || challenge.isEmpty()) {
            throw HttpProblem.badRequest("PKCE is required: missing code_challenge");
        }
        if (!"S256".equals(params.get("code_challenge_method"))) {
            throw HttpProblem.badRequest("Only code_challenge_method=S256 is supported");
        }
        if (!Pkce.isChallenge(challenge)) {
            throw HttpProblem.badRequest("code_challenge must be 43 base64url characters (S256)");
        }
        return new AuthorizeRequest(clientId, redirectUri, scope(params.get("scope")), blankToNull(params.get("state")),
                blankToNull(params.get("nonce")), challenge, tenant(uri.getHost()));
    }

    /** The parameters again, for the sign-in form's hidden fields. */
    Map<String, String> hiddenFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("client_id", clientId);
        fields.put("redirect_uri", redirectUri);
        fields.put("response_type", "code");
        fields.put("scope", scope);
        fields.put("state", state);
        fields.put("nonce", nonce);
        fields.put("code_challenge", codeChallenge);
        fields.put("code_challenge_method", "S256");
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    private static String scope(String requested) {
        if (requested == null || requested.isBlank()) {
            return TokenService.SCOPE;
        }
        String[] scopes = requested.trim().split(" +");
        Arrays.stream(scopes).filter(s -> !SCOPES.contains(s)).findFirst().ifPresent(unknown -> {
            throw HttpProblem.badRequest("Unsupported scope: " + unknown);
        });
        return String.join(" ", scopes);
    }

    /** {@code acme.localhost} → {@code acme}, as the IdP takes the tenant from the sub-domain; else null. */
    private static String tenant(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(LOCALHOST) || lower.length() == LOCALHOST.length()) {
            return null;
        }
        String sub = lower.substring(0, lower.length() - LOCALHOST.length());
        return sub.contains(".") ? sub.substring(0, sub.indexOf('.')) : sub;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
