package com.authvital.testing;

import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.store.SessionStore;
import java.time.Instant;
import java.util.Optional;

/**
 * The in-memory store, which a test can make say that it is out of reach or has not loaded the
 * revocations yet, as a shared store can: for the decisions taken while the shared cache is out.
 */
public final class SwitchableStore implements SessionStore {

    /** What is stored, whatever the flags say. */
    public final InMemoryStore memory = new InMemoryStore();
    /** What {@link #reachable()} answers. */
    public boolean reachable = true;
    /** What {@link #holdsRevocations()} answers. */
    public boolean holdsRevocations = true;

    @Override
    public Optional<String> get(Region region, String key) {
        return memory.get(region, key);
    }

    @Override
    public void put(Region region, String key, String value, Instant expiresAt) {
        memory.put(region, key, value, expiresAt);
    }

    @Override
    public boolean putIfAbsent(Region region, String key, String value, Instant expiresAt) {
        return memory.putIfAbsent(region, key, value, expiresAt);
    }

    @Override
    public boolean replace(Region region, String key, String expected, String value, Instant expiresAt) {
        return memory.replace(region, key, expected, value, expiresAt);
    }

    @Override
    public void remove(Region region, String key) {
        memory.remove(region, key);
    }

    @Override
    public boolean isEmpty(Region region) {
        return memory.isEmpty(region);
    }

    @Override
    public boolean reachable() {
        return reachable;
    }

    @Override
    public boolean holdsRevocations() {
        return holdsRevocations;
    }

    @Override
    public void close() {
        memory.close();
    }
}
