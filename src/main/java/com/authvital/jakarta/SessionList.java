package com.authvital.jakarta;

import java.util.List;

/**
 * The caller's active sessions, newest first, as {@link AuthVitalSessions#list} returns them.
 *
 * @param sessions the sessions that are neither revoked nor expired, newest first
 * @param count    how many there are
 */
public record SessionList(List<Session> sessions, int count) {

    /** Keeps the list immutable whatever the JSON binding handed in. */
    public SessionList {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
