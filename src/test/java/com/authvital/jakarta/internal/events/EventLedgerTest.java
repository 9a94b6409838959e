package com.authvital.jakarta.internal.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.testing.MutableClock;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each event has its effect once, and a late older event cannot undo a newer one, whichever server takes them. */
class EventLedgerTest {

    private static final Instant SUSPENDED = Instant.parse("2026-08-21T01:37:24.512Z");
    private final MutableClock clock = new MutableClock(SUSPENDED.plusSeconds(5));
    /** One store, two servers' ledgers over it: as two servers over a shared cache. */
    private final InMemoryStore store = new InMemoryStore(clock, 1000);
    private final EventLedger serverA = new EventLedger(store, clock);
    private final EventLedger serverB = new EventLedger(store, clock);

    private static VerifiedEvent event(String id, String type, Instant at) {
        return new VerifiedEvent(EventChannel.SYNC, id, type, at, "tenant-1", "app-1", JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void anEventDoneOnOneServerIsDoneOnTheOtherAndForLongerThanAuthVitalRetries() {
        VerifiedEvent suspended = event("3f0c2a9e", "member.suspended", SUSPENDED);
        assertFalse(serverB.isDone(suspended));

        serverA.done(suspended);

        assertTrue(serverB.isDone(suspended), "a duplicate delivered to B changes nothing");
        clock.advance(Duration.ofHours(42)); // a system webhook's tenth pass
        assertTrue(serverB.isDone(suspended));
        assertFalse(serverB.isDone(event("another", "member.suspended", SUSPENDED)));
    }

    @Test
    void aSystemWebhookAndASyncEventWithTheSameIdAreTwoEvents() {
        serverA.done(event("x", "member.suspended", SUSPENDED));

        assertFalse(serverA.isDone(new VerifiedEvent(EventChannel.SYSTEM, "x", "tenant.deleted", SUSPENDED, null,
                null, JsonValue.EMPTY_JSON_OBJECT)));
    }
}
