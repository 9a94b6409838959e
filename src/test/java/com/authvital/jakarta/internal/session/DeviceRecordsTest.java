package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What is kept of a device: its user agent cut at 512 characters, whatever a client sends. */
class DeviceRecordsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final DeviceRecords records = new DeviceRecords(new InMemoryStore(clock, 1_000), clock);

    @Test
    void aHugeUserAgentIsKeptCutAt512Characters() {
        String huge = "Mozilla/5.0 " + "x".repeat(100_000);
        records.signedIn("s1", huge, "203.0.113.7", clock.instant());

        DeviceRecords.Device device = records.find("s1").orElseThrow();

        assertEquals(huge.substring(0, DeviceRecords.MAX_USER_AGENT), device.userAgent());
        assertEquals("203.0.113.7", device.ipAddress());
    }

    @Test
    void aRotationMovesTheDeviceToTheNewSession() {
        records.signedIn("s1", "Mozilla/5.0 (Windows NT 10.0)", "203.0.113.7", clock.instant());
        records.rotated("s1", "s2");
        assertEquals("Mozilla/5.0 (Windows NT 10.0)", records.find("s2").orElseThrow().userAgent());
        assertEquals(java.util.Optional.empty(), records.find("s1"));
    }
}
