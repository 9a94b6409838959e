package com.authvital.jakarta.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The device records of one server: bounded and in memory (Caffeine); the record of a session
 * nobody refreshes goes after the refresh token's lifetime.
 */
final class InMemoryDeviceRecords implements DeviceRecords {

    /** How many sessions are remembered at most. */
    static final int MAX_RECORDS = 100_000;
    /** As long as the IdP's refresh tokens live, with a day to spare. */
    static final Duration LIFETIME = Duration.ofDays(8);

    private final Cache<String, Device> records = Caffeine.newBuilder().maximumSize(MAX_RECORDS)
            .expireAfterWrite(LIFETIME).executor(Runnable::run).build();

    /** A sign-in made session {@code sessionId} on this device. */
    @Override
    public void signedIn(String sessionId, String userAgent, String ipAddress, Instant at) {
        records.put(sessionId, new Device(userAgent, ipAddress, at));
    }

    /** A refresh replaced session {@code oldId} with {@code newId}: the device is the same. */
    @Override
    public void rotated(String oldId, String newId) {
        Device device = records.getIfPresent(oldId);
        if (device != null) {
            records.put(newId, device);
            records.invalidate(oldId);
        }
    }

    /** What is known about the device of session {@code sessionId}. */
    @Override
    public Optional<Device> find(String sessionId) {
        return Optional.ofNullable(records.getIfPresent(sessionId));
    }
}
