package com.authvital.jakarta;

import com.authvital.jakarta.internal.session.UserAgentParser;
import java.time.Instant;
import java.util.Objects;

/**
 * One active session of the user, as the IdP lists it.
 *
 * @param id        the session id, to pass to {@link AuthVitalSessions#revoke}
 * @param createdAt when the user signed in
 * @param expiresAt when the session ends unless it is revoked before
 * @param userAgent the browser's {@code User-Agent} at sign-in, or {@code null}
 * @param ipAddress the client's IP address at sign-in, or {@code null}
 * @param tenant    the tenant the session belongs to, or {@code null}
 * @param current   whether it is the session of the request that listed it: the {@code sid} of
 *                  its refresh token cookie, verified with the IdP's keys (the IdP does not say)
 */
public record Session(
        String id,
        Instant createdAt,
        Instant expiresAt,
        String userAgent,
        String ipAddress,
        String tenant,
        boolean current) {

    /** The id and the times are always there; a session without them is refused. */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The browser, its major version, the operating system and whether it is mobile. */
    public Device device() {
        return UserAgentParser.of(userAgent);
    }

    /** This session, marked as the caller's current one or not. */
    public Session withCurrent(boolean isCurrent) {
        return isCurrent == current ? this
                : new Session(id, createdAt, expiresAt, userAgent, ipAddress, tenant, isCurrent);
    }
}
