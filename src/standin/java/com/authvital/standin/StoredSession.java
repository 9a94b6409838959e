package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sign-in session, as the IdP stores it. Immutable but for its revoked flag, which flips
 * once: two concurrent revocations of one session report success only once.
 */
final class StoredSession {

    private final String id;
    private final String userId;
    private final String applicationId;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final String userAgent;
    private final String ipAddress;
    private final String tenant;
    private final AtomicBoolean revoked = new AtomicBoolean();

    StoredSession(String id, String userId, String applicationId, Instant createdAt, Instant expiresAt,
            String userAgent, String ipAddress, String tenant) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.applicationId = Objects.requireNonNull(applicationId);
        this.createdAt = JsonSupport.millis(createdAt);
        this.expiresAt = JsonSupport.millis(expiresAt);
        this.userAgent = userAgent;
        this.ipAddress = ipAddress;
        this.tenant = tenant;
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

    boolean isRevoked() {
        return revoked.get();
    }

    /** Listed by {@code GET /oauth/sessions}: neither revoked nor expired. */
    boolean isLive(Instant now) {
        return !revoked.get() && expiresAt.isAfter(now);
    }

    /** Revokes the session; true only for the call that actually revoked it. */
    boolean revoke() {
        return revoked.compareAndSet(false, true);
    }

    /** The element of {@code GET /oauth/sessions}; absent values are JSON null, as the IdP sends them. */
    JsonObject toListJson() {
        return common().build();
    }

    /** The answer of {@code GET /dev/sessions/{id}}: everything, revoked flag included. */
    JsonObject toDevJson() {
        return common()
                .add("userId", userId)
                .add("applicationId", applicationId)
                .add("revoked", revoked.get())
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
