package com.authvital.jakarta;

import java.util.List;
import java.util.Objects;

/**
 * The caller's active sessions, newest first, as {@link AuthVitalSessions#list} returns them.
 *
 * @param sessions the sessions that are neither revoked nor expired, newest first
 * @param count    how many there are
 */
public record SessionList(List<Session> sessions, int count) {

    /** An answer without its sessions is not a list: refused, not read as empty. */
    public SessionList {
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
    }
}
