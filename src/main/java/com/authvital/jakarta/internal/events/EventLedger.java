package com.authvital.jakarta.internal.events;

import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the servers of an application know of the events they took, in the store they share, so
 * that each event has its effect once and in the order AuthVital made the changes, whichever
 * server gets it, however often and in whatever order AuthVital delivers (authvital-events.md §3.8:
 * at least once, never ordered).
 *
 * <ul>
 * <li>An event is <em>done</em> once its effect is recorded ({@link #done}); a delivery of a done
 *     event is answered 2xx and changes nothing ({@link #isDone}). Done after the effect, not
 *     before: an effect that failed is tried again with AuthVital's retry. Two deliveries at once
 *     may both act: the effects are idempotent.</li>
 * <li>Per (tenant, user, application) the newest change of access taken is kept
 *     ({@link #takeIfNewest}): a late, older event (a {@code member.activated} that preceded a
 *     {@code member.suspended}) is done without effect.</li>
 * </ul>
 * Both are kept {@value #KEPT_DAYS} days: longer than AuthVital retries an event (a system
 * webhook's tenth pass comes about 41 hours after the first).
 */
public final class EventLedger {

    static final int KEPT_DAYS = 3;
    static final Duration KEPT = Duration.ofDays(KEPT_DAYS);
    /** How many times a newer mark is tried again when another server changed it meanwhile. */
    private static final int ATTEMPTS = 20;

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

    /**
     * Whether {@code at} is newer than every change of this user's access already taken for the
     * tenant and the application, and if so keeps it as the newest: atomic across the servers. An
     * event of the same instant as the newest is not newer (its duplicate, or a tie whose order
     * nobody can know: the first taken wins).
     */
    public boolean takeIfNewest(String tenantId, String userId, String applicationId, Instant at) {
        String key = StoreKeys.of("event-newest", tenantId + "\n" + userId + "\n" + applicationId);
        String mark = Long.toString(at.toEpochMilli());
        Instant until = clock.instant().plus(KEPT);
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<String> known = store.get(SessionStore.Region.SPENT, key);
            if (known.isPresent() && Long.parseLong(known.get()) >= at.toEpochMilli()) {
                return false;
            }
            if (known.isEmpty() ? store.putIfAbsent(SessionStore.Region.SPENT, key, mark, until)
                    : store.replace(SessionStore.Region.SPENT, key, known.get(), mark, until)) {
                return true;
            }
        }
        // Twenty changes by other servers in between: something is wrong; the sender retries.
        throw new IllegalStateException("the newest event of a user could not be recorded: the store changes too fast");
    }

    private static String doneKey(VerifiedEvent event) {
        return StoreKeys.of("event", event.channel() + "\n" + event.id());
    }
}
