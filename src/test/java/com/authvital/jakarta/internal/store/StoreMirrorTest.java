package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.internal.store.SessionStore.Region;
import com.authvital.jakarta.internal.token.TokenKeys;
import com.authvital.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each server's copy of the shared denials forgets nothing to make room. */
class StoreMirrorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private StoreWrite put(String key, Duration lifetime) {
        return new StoreWrite(StoreWrite.Kind.PUT, Region.DENIALS, key, null, "1",
                clock.instant().plus(lifetime).toEpochMilli());
    }

    @Test
    void aDenialOutlives250000UnrelatedDenialsInTheMirror() {
        StoreMirror mirror = new StoreMirror(clock, InMemoryStore.DEFAULT_MAX_ENTRIES, StoreHeartbeat.PREFIX + "test");
        String revoked = TokenKeys.hash("a-logged-out-token");
        mirror.copy(put(revoked, Duration.ofHours(1)));
        for (int i = 0; i < 250_000; i++) {
            mirror.copy(put(TokenKeys.hash("other-token-" + i), Duration.ofHours(1)));
        }
        assertEquals(Optional.of("1"), mirror.get(Region.DENIALS, revoked));
        assertEquals(Optional.of("1"), mirror.get(Region.DENIALS, TokenKeys.hash("other-token-249999")));
    }
}
