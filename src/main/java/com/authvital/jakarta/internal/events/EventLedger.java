package com.authvital.jakarta.internal.events;

import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import java.time.Clock;
import java.time.Duration;

/**
 * What the servers of an application know of the events they took, in the store they share, so
 * that each event has its effect once, whichever server gets it and however often AuthVital
 * delivers it (authvital-events.md §3.8: at least once, never ordered). An event is <em>done</em>
 * once its effect is recorded ({@link #done}); a delivery of a done event is answered 2xx and
 * changes nothing ({@link #isDone}). Done after the effect, not before: an effect that failed is
 * tried again with AuthVital's retry. Two deliveries at once may both act: the effects are
 * idempotent. Kept {@value #KEPT_DAYS} days: longer than AuthVital retries an event (a system
 * webhook's tenth pass comes about 41 hours after the first). The order of events is kept with
 * their effect, in {@code AccessMarks}: the newest change of each access is part of its mark.
 */
public final class EventLedger {

    static final int KEPT_DAYS = 3;
    static final Duration KEPT = Duration.ofDays(KEPT_DAYS);

    private final SessionStore store;
    private final Clock clock;

    public EventLedger(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether the event's effect was recorded before, by any server. */
    public boolean isDone(VerifiedEvent event) {
        return store.get(SessionStore.Region.SPENT, doneKey(event)).isPresent();
    }

    /** Records that the event had its effect (or none was due): its next deliveries change nothing. */
    public void done(VerifiedEvent event) {
        store.put(SessionStore.Region.SPENT, doneKey(event), "1", clock.instant().plus(KEPT));
    }

    private static String doneKey(VerifiedEvent event) {
        return StoreKeys.of("event", event.channel() + "\n" + event.id());
    }
}
