package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.testing.LogRecords;
import com.authvital.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** No count bound evicts: on the default store, a spent mark written first is still there after 250,000 other writes. */
    @Test
    void nothingIsEvictedToMakeRoom() {
        InMemoryStore roomy = new InMemoryStore();
        Instant aWeekFromNow = Instant.now().plus(Duration.ofDays(7));
        roomy.put(SessionStore.Region.SPENT, StoreKeys.of("s", "first"), "4711", aWeekFromNow);
        for (int i = 0; i < 250_000; i++) {
            roomy.put(SessionStore.Region.SPENT, StoreKeys.of("s", "other-" + i), Long.toString(i), aWeekFromNow);
        }
        assertEquals(Optional.of("4711"), roomy.get(SessionStore.Region.SPENT, StoreKeys.of("s", "first")));
        assertEquals(Optional.of("249999"), roomy.get(SessionStore.Region.SPENT, StoreKeys.of("s", "other-249999")));
        assertEquals(250_001, roomy.size(SessionStore.Region.SPENT));
    }

    /**
     * At its bound a region refuses a new key with 503 and logs AV1508 (ERROR), after AV1507
     * (WARNING) at four fifths; what it holds stays, and a key it holds can still change.
     */
    @Test
    void aRegionAtItsBoundRefusesNewKeysLoudlyAndKeepsWhatItHas() {
        InMemoryStore small = new InMemoryStore(clock, 10);
        try (LogRecords log = LogRecords.of(InMemoryStore.class)) {
            for (int i = 0; i < 10; i++) {
                small.put(SessionStore.Region.SPENT, "s" + i, "1", in(Duration.ofDays(7)));
            }
            assertTrue(log.has(Level.WARNING, "AV1507", "'spent'", "authvital.store.max-entries"), log.toString());

            IdpUnavailableException refused = assertThrows(IdpUnavailableException.class,
                    () -> small.put(SessionStore.Region.SPENT, "s10", "1", in(Duration.ofDays(7))));

            assertEquals(503, refused.getStatus());
            assertTrue(refused.getMessage().startsWith("AV1510E: "), refused.getMessage());
            assertTrue(log.has(Level.SEVERE, "AV1508", "'spent'", "nothing was dropped"), log.toString());
            for (int i = 0; i < 10; i++) {
                assertEquals(Optional.of("1"), small.get(SessionStore.Region.SPENT, "s" + i), "s" + i);
            }
            small.put(SessionStore.Region.SPENT, "s3", "2", in(Duration.ofDays(7)));
            assertEquals(Optional.of("2"), small.get(SessionStore.Region.SPENT, "s3"));
            assertTrue(small.putIfAbsent(SessionStore.Region.DENIALS, "other-region", "1", in(Duration.ofDays(1))));
        }
    }

    /** Expired entries make room: at the bound, a region sweeps them before it refuses a key. */
    @Test
    void expiredEntriesMakeRoomAtTheBound() {
        InMemoryStore small = new InMemoryStore(clock, 10);
        for (int i = 0; i < 10; i++) {
            small.put(SessionStore.Region.CLAIMS, "c" + i, "server", in(Duration.ofSeconds(5)));
        }
        clock.advance(Duration.ofSeconds(5));
        small.put(SessionStore.Region.CLAIMS, "new", "server", in(Duration.ofSeconds(5)));
        assertEquals(Optional.of("server"), small.get(SessionStore.Region.CLAIMS, "new"));
        assertEquals(1, small.size(SessionStore.Region.CLAIMS));
    }

    /** Values come back as they went in: numbers held in the slot, any other string beside it. */
    @Test
    void valuesRoundTrip() {
        for (String value : new String[] {"1", "0", "-42", "9223372036854775807", "-9223372036854775808", "007", "+1",
                "-0", "12345678901234567890", "", "abc@123,def@456", "{\"ua\":null}"}) {
            store.put(SessionStore.Region.CHAINS, "k" + value, value, in(Duration.ofHours(1)));
            assertEquals(Optional.of(value), store.get(SessionStore.Region.CHAINS, "k" + value), value);
        }
    }

    /** Removing keys keeps every other key findable (linear probing with entries moved back, no tombstones). */
    @Test
    void removalsKeepTheOthersFindable() {
        InMemoryStore roomy = new InMemoryStore(clock, 100_000);
        for (int i = 0; i < 20_000; i++) {
            roomy.put(SessionStore.Region.DENIALS, "t" + i, Integer.toString(i), in(Duration.ofHours(1)));
        }
        for (int i = 0; i < 20_000; i += 3) {
            roomy.remove(SessionStore.Region.DENIALS, "t" + i);
        }
        for (int i = 0; i < 20_000; i++) {
            Optional<String> expected = i % 3 == 0 ? Optional.empty() : Optional.of(Integer.toString(i));
            assertEquals(expected, roomy.get(SessionStore.Region.DENIALS, "t" + i), "t" + i);
        }
    }
}
