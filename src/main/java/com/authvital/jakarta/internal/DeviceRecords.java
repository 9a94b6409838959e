package com.authvital.jakarta.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * What the module learns about each session's device, which the real IdP does not record for
 * sessions made through {@code /oauth/token}: the browser's user agent and address at sign-in,
 * and when the user signed in. Every refresh makes a new session id at the IdP, so the record
 * moves from the old id to the new one. {@link InMemoryDeviceRecords} serves one server.
 */
public interface DeviceRecords {

    /**
     * One device.
     *
     * @param userAgent   its {@code User-Agent} at sign-in, or null
     * @param ipAddress   its address at sign-in (as the server saw it), or null
     * @param firstSignIn when the user signed in on it
     */
    record Device(String userAgent, String ipAddress, Instant firstSignIn) {
    }

    /** A sign-in made session {@code sessionId} on this device. */
    void signedIn(String sessionId, String userAgent, String ipAddress, Instant at);

    /** A refresh replaced session {@code oldId} with {@code newId}: the device is the same. */
    void rotated(String oldId, String newId);

    /** What is known about the device of session {@code sessionId}. */
    Optional<Device> find(String sessionId);
}
