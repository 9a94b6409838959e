package com.authvital.standin;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Users and sessions of one stand-in IdP, in memory and safe for concurrent requests.
 */
final class IdpSessions {

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

    /** The user with this id; the given one is stored when the id is new. */
    User userOrAdd(User candidate) {
        return users.computeIfAbsent(candidate.id(), id -> candidate);
    }

    /** Replaces a known user's record, e.g. with new app roles; its sessions' next tokens carry them. */
    void replace(User user) {
        users.replace(user.id(), user);
    }

    Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    void add(StoredSession session) {
        sessions.put(session.id(), session);
    }

    Optional<StoredSession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /**
     * The user's live sessions, newest first, as {@code GET /oauth/sessions} lists them.
     *
     * @param applicationId when present, only that application's sessions
     */
    List<StoredSession> live(String userId, Optional<String> applicationId, Instant now) {
        return sessions.values().stream()
                .filter(s -> s.userId().equals(userId))
                .filter(s -> applicationId.map(s.applicationId()::equals).orElse(true))
                .filter(s -> s.isLive(now))
                .sorted(Comparator.comparing(StoredSession::createdAt).reversed().thenComparing(StoredSession::id))
                .collect(Collectors.toList());
    }

    /**
     * Replaces a session by its successor in one step: revokes it as rotated and stores the
     * successor, or does nothing and answers false when it was revoked first. Under the same lock
     * as {@link #revokeFamily}, so a family revocation never misses a successor half stored.
     */
    synchronized boolean rotate(StoredSession session, StoredSession successor) {
        if (!session.rotateTo(successor)) {
            return false;
        }
        add(successor);
        return true;
    }

    /**
     * Revokes every live session of the user on the client, as the IdP does when a rotated
     * refresh token or a used code comes back.
     *
     * @return how many sessions this call revoked
     */
    synchronized int revokeFamily(String userId, String applicationId) {
        return (int) live(userId, Optional.of(applicationId), Instant.now()).stream()
                .filter(s -> s.revoke(StoredSession.Reason.REUSE_DETECTED))
                .count();
    }
}
