package com.authvital.jakarta.internal.store;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;

/**
 * One region of {@link InMemoryStore}, in flat arrays: no object per entry. A key is 96 bits
 * (a hash), a value a canonical decimal {@code long} held in the slot itself or, for any other
 * string, a reference beside it; an expiry is whole epoch seconds, rounded up. A slot takes 24
 * bytes (28 where the region holds strings), at a load of three quarters to 85%: about 30 bytes
 * an entry, a spent mark included. Lookups of a key that is not there (most, for the
 * denials) probe about a dozen slots at that load, in adjacent memory: tens of nanoseconds.
 *
 * <p>Nothing is evicted to make room: an entry goes at its expiry (swept when its segment would
 * grow) or when removed. Past {@code maxEntries} a new key is refused ({@link Write#FULL}) and the
 * caller fails safe. Reads take no lock (an optimistic read, checked after); writes lock one of
 * {@value #SEGMENTS} segments.
 */
final class CompactTable {

    /** What a write did. */
    enum Write { WRITTEN, DECLINED, FULL }

    /** A value and its expiry, epoch seconds. */
    record Found(String value, long expiresAt) {
    }

    /**
     * Many, so that no segment's array reaches half a G1 region (512 KB on heaps below 2 GB) below
     * about ten million entries: G1 gives such an array whole regions of its own (docs/decisions/0001).
     */
    static final int SEGMENTS = 256;
    private static final int INITIAL = 16;
    private static final long NO_NUMBER = Long.MIN_VALUE;

    private final Segment[] segments = new Segment[SEGMENTS];
    /** Entries held, live or expired and not yet swept. */
    private final AtomicInteger size = new AtomicInteger();
    private final int maxEntries;

    CompactTable(int maxEntries) {
        this.maxEntries = maxEntries;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    /** The slots of a segment: replaced whole when it grows, so that a reader sees one generation. */
    private static final class Slots {
        final long[] high;    // key bits 0..63
        final long[] low;     // key bits 64..95 << 32 | expiry (unsigned epoch seconds); 0: empty
        final long[] numbers; // the value, when it is a decimal long
        Object[] strings;     // any other value; null until the segment holds one

        Slots(int capacity, boolean withStrings) {
            high = new long[capacity];
            low = new long[capacity];
            numbers = new long[capacity];
            strings = withStrings ? new Object[capacity] : null;
        }

        int capacity() {
            return high.length;
        }

        /** Where a key's probe starts: the key's low 32 bits scaled to the capacity. */
        int home(long high) {
            return (int) (((high & 0xFFFF_FFFFL) * capacity()) >>> 32);
        }

        /** The slot holding the key, or the empty slot ending its probe; -1 when the probe found neither. */
        int find(long keyHigh, long keyLow) {
            int n = capacity();
            int i = home(keyHigh);
            for (int probes = 0; probes < n; probes++) {
                long l = low[i];
                if (l == 0 || high[i] == keyHigh && (l >>> 32) == keyLow) {
                    return i;
                }
                i = i + 1 == n ? 0 : i + 1;
            }
            return -1;
        }

        String value(int i) {
            Object[] s = strings;
            return s != null && s[i] != null ? (String) s[i] : Long.toString(numbers[i]);
        }
    }

    private static final class Segment {
        final StampedLock lock = new StampedLock();
        volatile Slots slots = new Slots(INITIAL, false);
        int used; // slots holding an entry, live or expired; guarded by lock
    }

    private Segment segment(long keyHigh) {
        return segments[(int) (keyHigh >>> 56)];
    }

    /** The live entry of a key, or null. */
    Found get(long keyHigh, long keyLow, long nowSeconds) {
        Segment segment = segment(keyHigh);
        long stamp = segment.lock.tryOptimisticRead();
        Found found = read(segment.slots, keyHigh, keyLow, nowSeconds);
        if (segment.lock.validate(stamp)) {
            return found;
        }
        stamp = segment.lock.readLock();
        try {
            return read(segment.slots, keyHigh, keyLow, nowSeconds);
        } finally {
            segment.lock.unlockRead(stamp);
        }
    }

    private static Found read(Slots slots, long keyHigh, long keyLow, long nowSeconds) {
        int i = slots.find(keyHigh, keyLow);
        if (i < 0) {
            return null;
        }
        long low = slots.low[i];
        long expiresAt = low & 0xFFFF_FFFFL;
        if (low == 0 || expiresAt <= nowSeconds) {
            return null;
        }
        return new Found(slots.value(i), expiresAt);
    }

    /**
     * Writes a key's value: always ({@code expected} null, {@code onlyIfAbsent} false), only when
     * it holds no live value ({@code onlyIfAbsent}), or only while it holds {@code expected}.
     */
    Write put(long keyHigh, long keyLow, String value, long expiresAt, long nowSeconds, boolean onlyIfAbsent,
              String expected) {
        Segment segment = segment(keyHigh);
        long stamp = segment.lock.writeLock();
        try {
            Slots slots = segment.slots;
            int i = slots.find(keyHigh, keyLow);
            boolean present = i >= 0 && slots.low[i] != 0;
            boolean live = present && (slots.low[i] & 0xFFFF_FFFFL) > nowSeconds;
            if (onlyIfAbsent && live || expected != null && !(live && expected.equals(slots.value(i)))) {
                return Write.DECLINED;
            }
            if (!present) {
                if (size.get() >= maxEntries) {
                    return Write.FULL;
                }
                if (i < 0 || (segment.used + 1) * 20L > slots.capacity() * 17L) {
                    slots = grow(segment, nowSeconds);
                    i = slots.find(keyHigh, keyLow);
                }
                segment.used++;
                size.incrementAndGet();
            }
            set(slots, i, keyHigh, keyLow, value, expiresAt);
            return Write.WRITTEN;
        } finally {
            segment.lock.unlockWrite(stamp);
        }
    }

    private static void set(Slots slots, int i, long keyHigh, long keyLow, String value, long expiresAt) {
        long number = number(value);
        if (number == NO_NUMBER && slots.strings == null) {
            slots.strings = new Object[slots.capacity()];
        }
        slots.high[i] = keyHigh;
        slots.numbers[i] = number == NO_NUMBER ? 0 : number;
        if (slots.strings != null) {
            slots.strings[i] = number == NO_NUMBER ? value : null;
        }
        slots.low[i] = keyLow << 32 | Math.max(1, Math.min(expiresAt, 0xFFFF_FFFFL)); // 0 marks an empty slot
    }

    /** A canonical decimal long (what {@link Long#toString(long)} gives), or {@link #NO_NUMBER}. */
    static long number(String value) {
        int n = value.length();
        int start = n > 0 && value.charAt(0) == '-' ? 1 : 0;
        if (n == 0 || n - start > 19) {
            return NO_NUMBER;
        }
        if (start == n || value.charAt(start) == '0' && n > start + 1 || start == 1 && value.charAt(1) == '0') {
            return NO_NUMBER;
        }
        for (int i = start; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return NO_NUMBER;
            }
        }
        try {
            long parsed = Long.parseLong(value);
            return parsed == NO_NUMBER ? NO_NUMBER : parsed;
        } catch (NumberFormatException e) {
            return NO_NUMBER; // beyond a long
        }
    }

    /** Removes a key. */
    void remove(long keyHigh, long keyLow) {
        Segment segment = segment(keyHigh);
        long stamp = segment.lock.writeLock();
        try {
            Slots slots = segment.slots;
            int i = slots.find(keyHigh, keyLow);
            if (i >= 0 && slots.low[i] != 0) {
                delete(slots, i);
                segment.used--;
                size.decrementAndGet();
            }
        } finally {
            segment.lock.unlockWrite(stamp);
        }
    }

    /** Empties slot {@code i}, moving back the entries after it whose probe passed it (no tombstones). */
    private static void delete(Slots slots, int i) {
        int n = slots.capacity();
        int hole = i;
        int j = i;
        while (true) {
            j = j + 1 == n ? 0 : j + 1;
            if (slots.low[j] == 0) {
                break;
            }
            int home = slots.home(slots.high[j]);
            // The entry at j may fill the hole when its home is not between the hole and j.
            if (Math.floorMod(j - home, n) >= Math.floorMod(j - hole, n)) {
                slots.high[hole] = slots.high[j];
                slots.low[hole] = slots.low[j];
                slots.numbers[hole] = slots.numbers[j];
                if (slots.strings != null) {
                    slots.strings[hole] = slots.strings[j];
                }
                hole = j;
            }
        }
        slots.low[hole] = 0;
        slots.high[hole] = 0;
        slots.numbers[hole] = 0;
        if (slots.strings != null) {
            slots.strings[hole] = null;
        }
    }

    /**
     * New slots for a segment about to pass 85% full: its expired entries left out, and an eighth
     * larger, as often as needed, while the live ones would fill more than three quarters. At a
     * steady rate the expired entries make the room: a sweep every tenth of the segment's slots.
     */
    private Slots grow(Segment segment, long nowSeconds) {
        Slots old = segment.slots;
        int live = 0;
        for (int i = 0; i < old.capacity(); i++) {
            if (old.low[i] != 0 && (old.low[i] & 0xFFFF_FFFFL) > nowSeconds) {
                live++;
            }
        }
        int capacity = old.capacity();
        while ((live + 1) * 4L > capacity * 3L) {
            capacity += Math.max(1, capacity / 8);
        }
        Slots slots = new Slots(capacity, old.strings != null);
        for (int i = 0; i < old.capacity(); i++) {
            long low = old.low[i];
            if (low != 0 && (low & 0xFFFF_FFFFL) > nowSeconds) {
                int j = slots.find(old.high[i], low >>> 32);
                slots.high[j] = old.high[i];
                slots.low[j] = low;
                slots.numbers[j] = old.numbers[i];
                if (slots.strings != null) {
                    slots.strings[j] = old.strings[i];
                }
            }
        }
        size.addAndGet(live - segment.used);
        segment.used = live;
        segment.slots = slots;
        return slots;
    }

    /** Drops every expired entry now; for a table at its bound, before it refuses a key. */
    void sweep(long nowSeconds) {
        for (Segment segment : segments) {
            long stamp = segment.lock.writeLock();
            try {
                Slots slots = segment.slots;
                for (int i = 0; i < slots.capacity(); i++) {
                    long low = slots.low[i];
                    while (low != 0 && (low & 0xFFFF_FFFFL) <= nowSeconds) {
                        delete(slots, i); // another entry may move into i: look again
                        segment.used--;
                        size.decrementAndGet();
                        low = slots.low[i];
                    }
                }
            } finally {
                segment.lock.unlockWrite(stamp);
            }
        }
    }

    /** The bytes its arrays take. */
    long bytes() {
        long bytes = 0;
        for (Segment segment : segments) {
            Slots slots = segment.slots;
            bytes += slots.capacity() * (24L + (slots.strings == null ? 0 : 4));
        }
        return bytes;
    }

    /** Entries held, live or expired and not yet swept. */
    int size() {
        return size.get();
    }

    /** The most entries it takes. */
    int maxEntries() {
        return maxEntries;
    }

    /** Forgets everything. */
    void clear() {
        for (Segment segment : segments) {
            long stamp = segment.lock.writeLock();
            try {
                size.addAndGet(-segment.used);
                segment.used = 0;
                segment.slots = new Slots(INITIAL, false);
            } finally {
                segment.lock.unlockWrite(stamp);
            }
        }
    }
}
