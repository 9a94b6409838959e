package com.authvital.jakarta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemoryStore store = new InMemoryStore(clock, 1_000);

    private Instant in(Duration duration) {
        return clock.instant().plus(duration);
    }

    @Test
    void anEntryIsAnsweredUntilItsOwnExpiryAndNotAfter() {
        store.put(SessionStore.Region.DENIALS, "t:abc", "1", in(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of("1"), store.get(SessionStore.Region.DENIALS, "t:abc"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), store.get(SessionStore.Region.DENIALS, "t:abc"));
    }

    @Test
    void putIfAbsentKeepsALiveValueAndReplacesAnExpiredOne() {
        assertTrue(store.putIfAbsent(SessionStore.Region.CLAIMS, "s1", "server-a", in(Duration.ofSeconds(5))));
        assertFalse(store.putIfAbsent(SessionStore.Region.CLAIMS, "s1", "server-b", in(Duration.ofSeconds(5))));
        assertEquals(Optional.of("server-a"), store.get(SessionStore.Region.CLAIMS, "s1"));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(store.putIfAbsent(SessionStore.Region.CLAIMS, "s1", "server-b", in(Duration.ofSeconds(5))));
        assertEquals(Optional.of("server-b"), store.get(SessionStore.Region.CLAIMS, "s1"));
    }

    @Test
    void replaceChangesOnlyTheExpectedValue() {
        store.put(SessionStore.Region.CHAINS, "t:c", "a", in(Duration.ofHours(1)));
        assertFalse(store.replace(SessionStore.Region.CHAINS, "t:c", "b", "c", in(Duration.ofHours(1))));
        assertTrue(store.replace(SessionStore.Region.CHAINS, "t:c", "a", "a,b", in(Duration.ofHours(1))));
        assertEquals(Optional.of("a,b"), store.get(SessionStore.Region.CHAINS, "t:c"));
        assertFalse(store.replace(SessionStore.Region.CHAINS, "missing", "a", "b", in(Duration.ofHours(1))));
    }

    @Test
    void regionsAreApartAndEmptinessIsPerRegion() {
        assertTrue(store.isEmpty(SessionStore.Region.DENIALS));
        store.put(SessionStore.Region.DEVICES, "s1", "x", in(Duration.ofHours(1)));
        assertTrue(store.isEmpty(SessionStore.Region.DENIALS));
        assertEquals(Optional.empty(), store.get(SessionStore.Region.DENIALS, "s1"));
        store.remove(SessionStore.Region.DEVICES, "s1");
        assertEquals(Optional.empty(), store.get(SessionStore.Region.DEVICES, "s1"));
    }
}
