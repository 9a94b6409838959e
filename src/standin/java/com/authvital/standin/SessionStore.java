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
final class SessionStore {

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

    /** The user with this id; the given one is stored when the id is new. */
    User userOrAdd(User candidate) {
        return users.computeIfAbsent(candidate.id(), id -> candidate);
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
}
