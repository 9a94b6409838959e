package com.authvital.standin;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * {@code grant_type=authorization_code}: exchanges a code of {@link AuthorizeEndpoint} for tokens
 * and opens a new session (no user agent, no IP: the IdP records none for {@code /oauth/token};
 * the tenant of the redirect URI). Checks in the IdP's order and words: the code, its single use
 * (a replay revokes every session of the user on the client), expiry, client, redirect URI,
 * client secret, PKCE. A request that fails a check does not use the code up.
 */
final class CodeGrant {

    static final String ALREADY_USED = "Authorization code already used";

    private final AuthorizationCodes codes;
    private final IdpSessions store;
    private final Clients clients;
    private final GrantStats stats;

    CodeGrant(AuthorizationCodes codes, IdpSessions store, Clients clients, GrantStats stats) {
        this.codes = codes;
        this.store = store;
        this.clients = clients;
        this.stats = stats;
    }

    TokenEndpoint.Issued exchange(Map<String, String> form) {
        String code = form.get("code");
        if (code == null || code.isEmpty()) {
            throw HttpProblem.badRequest("Missing code parameter");
        }
        AuthorizationCodes.Entry entry = codes.find(code)
                .orElseThrow(() -> HttpProblem.unauthorized("Invalid authorization code"));
        AuthorizationCodes.Grant grant = entry.grant();
        AuthorizeRequest request = grant.request();
        if (entry.isUsed()) {
            throw replayed(grant);
        }
        if (!grant.expiresAt().isAfter(Instant.now())) {
            throw HttpProblem.unauthorized("Authorization code expired");
        }
        if (!request.clientId().equals(form.get("client_id"))) {
            throw HttpProblem.unauthorized(RefreshRotation.CLIENT_MISMATCH);
        }
        if (!request.redirectUri().equals(form.get("redirect_uri"))) {
            throw HttpProblem.unauthorized("Invalid grant: redirect_uri mismatch");
        }
        clients.get(request.clientId()).authenticate(form.get("client_secret"));
        String verifier = form.get("code_verifier");
        if (verifier == null || verifier.isEmpty()) {
            throw HttpProblem.unauthorized("Missing code_verifier for PKCE");
        }
        if (!Pkce.matches(verifier, request.codeChallenge())) {
            throw HttpProblem.unauthorized("Invalid code_verifier");
        }
        if (!entry.consume()) {
            throw replayed(grant); // a concurrent exchange of the same code won
        }
        User user = store.user(grant.userId()).orElseThrow(() -> HttpProblem.unauthorized("Invalid authorization code"));
        Instant now = Instant.now();
        StoredSession session = new StoredSession(UUID.randomUUID().toString(), user.id(), request.clientId(), now,
                now.plus(TokenService.REFRESH_LIFETIME), null, null, request.tenant(), request.scope());
        store.add(session);
        stats.count(GrantStats.Counter.CODE_EXCHANGES, user.id());
        boolean openid = Arrays.asList(request.scope().split(" ")).contains("openid");
        return new TokenEndpoint.Issued(user, session, openid, request.nonce());
    }

    private HttpProblem replayed(AuthorizationCodes.Grant grant) {
        store.revokeFamily(grant.userId(), grant.request().clientId());
        stats.count(GrantStats.Counter.FAMILY_REVOCATIONS, grant.userId());
        return HttpProblem.unauthorized(ALREADY_USED);
    }
}
