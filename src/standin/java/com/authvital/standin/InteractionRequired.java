package com.authvital.standin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The switch that makes a refresh answer {@code 401 interaction_required} (the contract's MFA
 * enrollment required by tenant policy), for one user or for everyone, until switched off.
 */
final class InteractionRequired {

    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private volatile boolean everyone;

    boolean isRequired(String userId) {
        return everyone || users.contains(userId);
    }

    void require(String userId) {
        users.add(userId);
    }

    void release(String userId) {
        users.remove(userId);
    }

    void requireForEveryone(boolean required) {
        everyone = required;
    }
}
