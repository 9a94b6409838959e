package com.authvital.standin;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code grant_type=refresh_token} with rotation and strict reuse detection, as the contract
 * describes the IdP: every refresh revokes the session (reason {@code ROTATED}) and opens a new
 * one with a new id, and answers a new refresh token. A rotated token presented again after the
 * client's rotation reuse interval (0 by default) revokes every session of the user on the client
 * ({@code 401 "Session has been revoked"}); within the interval it gets tokens of the session
 * that replaced it. Of two concurrent refreshes of one token exactly one rotates; the other is a
 * reuse ({@code 401 "Invalid refresh token"}, same revocation).
 */
final class RefreshRotation {

    static final String INVALID = "Invalid refresh token";
    static final String REVOKED = "Session has been revoked";
    static final String CLIENT_MISMATCH = "Client ID mismatch";
    static final String DISABLED = "Application is disabled";

    private final IdpSessions store;
    private final TokenService tokens;
    private final Clients clients;
    private final InteractionRequired interaction;
    private final GrantStats stats;
    private final Members members;
    private final Application application;

    RefreshRotation(IdpSessions store, TokenService tokens, Clients clients, InteractionRequired interaction,
            GrantStats stats, Members members, Application application) {
        this.members = members;
        this.application = application;
        this.store = store;
        this.tokens = tokens;
        this.clients = clients;
        this.interaction = interaction;
        this.stats = stats;
    }

    /** The user a refresh request's token names, or null: for counting requests before any check. */
    String userOf(Map<String, String> form) {
        return Optional.ofNullable(form.get("refresh_token")).flatMap(tokens::refreshClaims)
                .map(JWTClaimsSet::getSubject).orElse(null);
    }

    TokenEndpoint.Issued refresh(Map<String, String> form) {
        String token = form.get("refresh_token");
        if (token == null || token.isEmpty()) {
            throw HttpProblem.badRequest("Missing refresh_token parameter");
        }
        JWTClaimsSet claims = tokens.refreshClaims(token).orElseThrow(() -> HttpProblem.unauthorized(INVALID));
        String clientId = form.get("client_id");
        if (clientId == null || claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw HttpProblem.unauthorized(CLIENT_MISMATCH);
        }
        Clients.Client client = clients.get(clientId);
        client.authenticate(form.get("client_secret"));
        StoredSession session = store.session((String) claims.getClaim("sid"))
                .filter(s -> s.userId().equals(claims.getSubject()) && s.applicationId().equals(clientId))
                .orElseThrow(() -> HttpProblem.unauthorized(INVALID));
        User user = store.user(session.userId()).orElseThrow(() -> HttpProblem.unauthorized(INVALID));
        if (session.isRevoked()) {
            return reused(session, user, client, REVOKED);
        }
        if (session.isExpired(Instant.now())) {
            throw HttpProblem.unauthorized("Session expired");
        }
        if (clientId.equals(application.clientId()) && !application.isActive()) {
            throw HttpProblem.unauthorized(DISABLED);
        }
        // Tenant-scoped tokens only for an ACTIVE membership (events §6.9); the IdP's exact
        // message for this refusal is not in the contract, so its generic one is answered.
        if (session.tenant() != null && !members.mayHaveTokens(session.tenant(), user.id())) {
            throw HttpProblem.unauthorized(INVALID);
        }
        if (interaction.isRequired(user.id())) {
            throw HttpProblem.oauth(401, "interaction_required", "MFA enrollment required by tenant policy");
        }
        Instant now = Instant.now();
        StoredSession successor = new StoredSession(UUID.randomUUID().toString(), user.id(), clientId, now,
                now.plus(TokenService.REFRESH_LIFETIME), null, null, session.tenant(), session.scope());
        if (!store.rotate(session, successor)) {
            return reused(session, user, client, INVALID); // a concurrent refresh of this token won
        }
        stats.count(GrantStats.Counter.REFRESHES, user.id());
        return new TokenEndpoint.Issued(user, successor, false, null);
    }

    /**
     * A revoked session's token: within the reuse interval of its rotation, the tokens of the
     * session that now stands for it; after it, theft, and the whole family goes.
     */
    private TokenEndpoint.Issued reused(StoredSession session, User user, Clients.Client client, String message) {
        StoredSession.Revocation revocation = session.revocation().orElseThrow();
        if (revocation.reason() != StoredSession.Reason.ROTATED) {
            throw HttpProblem.unauthorized(REVOKED);
        }
        Instant now = Instant.now();
        if (revocation.at().plus(client.reuseInterval()).isAfter(now)) {
            StoredSession latest = latest(session);
            if (latest.isLive(now)) {
                stats.count(GrantStats.Counter.REFRESHES, user.id());
                return new TokenEndpoint.Issued(user, latest, false, null);
            }
            throw HttpProblem.unauthorized(REVOKED);
        }
        store.revokeFamily(user.id(), session.applicationId());
        stats.count(GrantStats.Counter.FAMILY_REVOCATIONS, user.id());
        throw HttpProblem.unauthorized(message);
    }

    /** The end of the chain of rotations that starts at this session. */
    private static StoredSession latest(StoredSession session) {
        StoredSession current = session;
        Optional<StoredSession.Revocation> revocation = current.revocation();
        while (revocation.isPresent() && revocation.get().successor() != null) {
            current = revocation.get().successor();
            revocation = current.revocation();
        }
        return current;
    }
}
