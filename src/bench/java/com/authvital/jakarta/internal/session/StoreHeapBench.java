package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What the in-memory store costs on the heap at a steady rate of refreshes, measured: devices
 * that each refresh once an hour (one-hour access tokens, seven-day refresh tokens) for eight
 * simulated days, through the module's own classes (revocations, spent marks, device records,
 * the sealed refresh results of the grace), then the heap used after a full collection, against
 * the heap before. Prints figures; asserts nothing.
 *
 * <pre>{@code
 * mvn -Pbench test-compile exec:exec@store-heap          # 10,000, 100,000 and 1,000,000 refreshes a day
 * }</pre>
 */
public final class StoreHeapBench {

    private static final Duration ACCESS = Duration.ofHours(1);
    private static final Duration REFRESH = Duration.ofDays(7);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final int DAYS = 8;
    private static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    /** About what a sealed refresh result takes: two tokens, sealed and base64url. */
    private static final String SEALED = "x".repeat(1_400);

    /** A clock the simulation moves. */
    private static final class SimulatedClock extends Clock {
        private long millis = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private StoreHeapBench() {
    }

    public static void main(String[] args) {
        long[] rates = args.length == 0 ? new long[] {10_000, 100_000, 1_000_000}
                : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        System.out.println("StoreHeapBench: devices refreshing once an hour, " + DAYS + " simulated days, "
                + "one-hour access tokens, seven-day refresh tokens, the in-memory store");
        System.out.println("refreshes a day | devices | entries (spent, chains, devices, refreshes) | heap MiB | "
                + "of which the spent marks' arrays | bytes a refresh a day held");
        for (long rate : rates) {
            run(rate);
        }
        perEvent();
    }

    private static long usedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void run(long perDay) {
        int devices = (int) Math.max(1, perDay / 24);
        long before = usedHeap();
        SimulatedClock clock = new SimulatedClock();
        InMemoryStore store = new InMemoryStore(clock, 50_000_000);
        Revocations revocations = new Revocations(store, clock, Duration.ofSeconds(30));
        DeviceRecords records = new DeviceRecords(store, clock);
        int[] generation = new int[devices];
        long step = Duration.ofHours(1).toMillis() / devices;
        for (int d = 0; d < devices; d++) {
            String session = d + "-0";
            records.signedIn(session, USER_AGENT, "203.0.113.7", clock.instant());
            revocations.signedIn(session, "access-" + session, clock.instant().plus(ACCESS), 0);
        }
        for (int hour = 0; hour < DAYS * 24; hour++) {
            for (int d = 0; d < devices; d++) {
                clock.millis += step;
                String old = d + "-" + generation[d];
                String next = d + "-" + ++generation[d];
                Instant now = clock.instant();
                revocations.spending(old, now.plus(REFRESH).minus(ACCESS));
                store.put(SessionStore.Region.REFRESHES, StoreKeys.of("r", old), SEALED, now.plus(GRACE));
                revocations.rotated(old, now.plus(REFRESH).minus(ACCESS));
                records.rotated(old, next);
                revocations.refreshed(old, next, now.plus(REFRESH), "access-" + next, now.plus(ACCESS), 0);
            }
        }
        long after = usedHeap();
        long bytes = after - before;
        System.out.printf(Locale.ROOT, "%,15d | %,7d | %,d (%,d, %,d, %,d, %,d) | %,8.1f | %,8.1f | %,.1f%n", perDay,
                devices, total(store), store.size(SessionStore.Region.SPENT), store.size(SessionStore.Region.CHAINS),
                store.size(SessionStore.Region.DEVICES), store.size(SessionStore.Region.REFRESHES),
                bytes / 1048576.0, store.bytes(SessionStore.Region.SPENT) / 1048576.0, (double) bytes / perDay);
        store.close();
    }

    private static long total(InMemoryStore store) {
        long total = 0;
        for (SessionStore.Region region : SessionStore.Region.values()) {
            total += store.size(region);
        }
        return total;
    }

    /** Entries a sign-in, a refresh and a revocation add, each alone. */
    private static void perEvent() {
        SimulatedClock clock = new SimulatedClock();
        InMemoryStore store = new InMemoryStore(clock, 1_000);
        Revocations revocations = new Revocations(store, clock, Duration.ofSeconds(30));
        DeviceRecords records = new DeviceRecords(store, clock);
        records.signedIn("s0", USER_AGENT, "203.0.113.7", clock.instant());
        revocations.signedIn("s0", "access-0", clock.instant().plus(ACCESS), 0);
        long signIn = total(store);
        revocations.spending("s0", clock.instant().plus(REFRESH));
        revocations.rotated("s0", clock.instant().plus(REFRESH));
        records.rotated("s0", "s1");
        revocations.refreshed("s0", "s1", clock.instant().plus(REFRESH), "access-1", clock.instant().plus(ACCESS), 0);
        long refresh = total(store) - signIn;
        revocations.denySession("s1");
        long revocation = total(store) - signIn - refresh;
        System.out.printf(Locale.ROOT, "entries: a sign-in %d (the chain's access tokens, the device; the flow's "
                + "state for its 10 minutes aside), a first refresh %d more (the spent mark; the new session's chain, "
                + "which each later refresh moves on), a revocation %d (the chain denied, twice over, the session's "
                + "own chain, and each live access token of the chain: here two)%n", signIn, refresh, revocation);
    }
}
