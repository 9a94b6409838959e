package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sign-in session, as the IdP stores it. Immutable but for its revocation, which is set
 * once: two concurrent revocations (or rotations) of one session report success only once.
 */
final class StoredSession {

    /** Why a session was revoked, as the IdP records it. */
    enum Reason {
        /** Replaced by a new session on a refresh. */
        ROTATED,
        /** Revoked by the user or a logout. */
        REVOKED,
        /** Revoked with every session of the user on the client: a refresh token or code was replayed. */
        REUSE_DETECTED
    }

    /**
     * A session's revocation.
     *
     * @param reason    why
     * @param at        when
     * @param successor the session that replaced a {@link Reason#ROTATED} one, else null
     */
    record Revocation(Reason reason, Instant at, StoredSession successor) {
    }

    private final String id;
    private final String userId;
    private final String applicationId;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final String userAgent;
    private final String ipAddress;
    private final String tenant;
    private final String scope;
    private final AtomicReference<Revocation> revocation = new AtomicReference<>();

    /** A session with the default scope, {@value TokenService#SCOPE}. */
    StoredSession(String id, String userId, String applicationId, Instant createdAt, Instant expiresAt,
            String userAgent, String ipAddress, String tenant) {
        this(id, userId, applicationId, createdAt, expiresAt, userAgent, ipAddress, tenant, TokenService.SCOPE);
    }

    StoredSession(String id, String userId, String applicationId, Instant createdAt, Instant expiresAt,
            String userAgent, String ipAddress, String tenant, String scope) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.applicationId = Objects.requireNonNull(applicationId);
        this.createdAt = JsonSupport.millis(createdAt);
        this.expiresAt = JsonSupport.millis(expiresAt);
        this.userAgent = userAgent;
        this.ipAddress = ipAddress;
        this.tenant = tenant;
        this.scope = Objects.requireNonNull(scope);
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String applicationId() {
        return applicationId;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The tenant (its subdomain) the session was opened for, or null. */
    String tenant() {
        return tenant;
    }

    /** The scopes granted at sign-in, space-separated; its tokens' {@code scope}. */
    String scope() {
        return scope;
    }

    boolean isRevoked() {
        return revocation.get() != null;
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Listed by {@code GET /oauth/sessions}: neither revoked nor expired. */
    boolean isLive(Instant now) {
        return !isRevoked() && !isExpired(now);
    }

    /** The revocation, or empty while the session is not revoked. */
    Optional<Revocation> revocation() {
        return Optional.ofNullable(revocation.get());
    }

    /** Revokes the session by a user or a logout; true only for the call that actually revoked it. */
    boolean revoke() {
        return revoke(Reason.REVOKED);
    }

    boolean revoke(Reason reason) {
        return revocation.compareAndSet(null, new Revocation(reason, Instant.now(), null));
    }

    /**
     * Revokes the session as replaced by {@code successor}, in one step: of two concurrent
     * refreshes of one token exactly one gets true.
     */
    boolean rotateTo(StoredSession successor) {
        return revocation.compareAndSet(null, new Revocation(Reason.ROTATED, Instant.now(), successor));
    }

    /** The element of {@code GET /oauth/sessions}; absent values are JSON null, as the IdP sends them. */
    JsonObject toListJson() {
        return common().build();
    }

    /** The answer of {@code GET /dev/sessions/{id}}: everything, the revocation's reason and successor included. */
    JsonObject toDevJson() {
        return common()
                .add("userId", userId)
                .add("applicationId", applicationId)
                .add("revoked", isRevoked())
                .add("revokedReason", JsonSupport.nullable(revocation().map(r -> r.reason().name()).orElse(null)))
                .add("replacedBy", JsonSupport.nullable(revocation().map(Revocation::successor).map(StoredSession::id).orElse(null)))
                .add("scope", scope)
                .build();
    }

    private JsonObjectBuilder common() {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("createdAt", JsonSupport.iso(createdAt))
                .add("expiresAt", JsonSupport.iso(expiresAt))
                .add("userAgent", JsonSupport.nullable(userAgent))
                .add("ipAddress", JsonSupport.nullable(ipAddress))
                .add("tenant", JsonSupport.nullable(tenant));
    }
}
