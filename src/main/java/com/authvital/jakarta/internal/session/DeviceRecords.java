package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the module learns about each session's device, which the real IdP does not record for
 * sessions made through {@code /oauth/token}: the browser's user agent and address at sign-in,
 * and when the user signed in. Every refresh makes a new session id at the IdP, so the record
 * moves from the old id to the new one. Kept in the {@link SessionStore}, so that every server of
 * the application lists the device that signed in on another; the record of a session nobody
 * refreshes goes after the refresh token's lifetime.
 */
public final class DeviceRecords {

    /** As long as the IdP's refresh tokens live, with a day to spare. */
    static final Duration LIFETIME = Duration.ofDays(8);
    /** The longest user agent kept: real ones are a few hundred characters; the rest is cut. */
    static final int MAX_USER_AGENT = 512;

    /**
     * One device.
     *
     * @param userAgent   its {@code User-Agent} at sign-in, or null
     * @param ipAddress   its address at sign-in (as the server saw it), or null
     * @param firstSignIn when the user signed in on it
     */
    public record Device(String userAgent, String ipAddress, Instant firstSignIn) {
    }

    private final SessionStore store;
    private final Clock clock;

    public DeviceRecords(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A sign-in made session {@code sessionId} on this device. */
    public void signedIn(String sessionId, String userAgent, String ipAddress, Instant at) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ua", userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent
                : userAgent.substring(0, MAX_USER_AGENT));
        json.put("ip", ipAddress);
        json.put("at", at.toEpochMilli());
        keep(key(sessionId), JSONObjectUtils.toJSONString(json));
    }

    /** A refresh replaced session {@code oldId} with {@code newId}: the device is the same. */
    void rotated(String oldId, String newId) {
        store.get(SessionStore.Region.DEVICES, key(oldId)).ifPresent(device -> {
            keep(key(newId), device);
            store.remove(SessionStore.Region.DEVICES, key(oldId));
        });
    }

    /** A record is no security state: at the store's bound (AV1508, logged) the device goes unnamed. */
    private void keep(String key, String device) {
        try {
            store.put(SessionStore.Region.DEVICES, key, device, clock.instant().plus(LIFETIME));
        } catch (IdpUnavailableException e) {
            // the list shows the session without its device
        }
    }

    private static String key(String sessionId) {
        return StoreKeys.of("d", sessionId);
    }

    /** What is known about the device of session {@code sessionId}. */
    public Optional<Device> find(String sessionId) {
        return store.get(SessionStore.Region.DEVICES, key(sessionId)).flatMap(DeviceRecords::parse);
    }

    private static Optional<Device> parse(String text) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(text);
            return Optional.of(new Device(JSONObjectUtils.getString(json, "ua"), JSONObjectUtils.getString(json, "ip"),
                    Instant.ofEpochMilli(JSONObjectUtils.getLong(json, "at"))));
        } catch (ParseException e) {
            return Optional.empty(); // another version's record: no label rather than no list
        }
    }
}
