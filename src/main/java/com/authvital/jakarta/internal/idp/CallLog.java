package com.authvital.jakarta.internal.idp;

/**
 * The times, and the client keys, of one kind of {@link TokenBudget}'s granted calls, oldest
 * first, in a ring of fixed size: the budget refuses a call before its kind's ring is full, and
 * forgets a call once it has left the minute. Not thread-safe: the budget holds its lock.
 */
final class CallLog {

    private final long[] times;
    private final String[] keys;
    private int first;
    private int size;

    CallLog(int capacity) {
        times = new long[capacity];
        keys = new String[capacity];
    }

    /** The calls remembered. */
    int size() {
        return size;
    }

    /** The time of the oldest call; only when there is one. */
    long oldest() {
        return times[first];
    }

    /** A call at {@code time}; never more than the capacity, which the budget sees to. */
    void add(long time, String key) {
        int at = (first + size) % times.length;
        times[at] = time;
        keys[at] = key;
        size++;
    }

    /** Forgets the calls made at {@code cutOff} or before. */
    void forgetUntil(long cutOff) {
        while (size > 0 && times[first] <= cutOff) {
            keys[first] = null;
            first = (first + 1) % times.length;
            size--;
        }
    }

    /** Moves every call {@code back} milliseconds earlier: the clock was set back that far. */
    void shift(long back) {
        for (int i = 0; i < size; i++) {
            times[(first + i) % times.length] -= back;
        }
    }

    /** How many of the calls were for {@code key}. */
    int count(String key) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (key.equals(keys[(first + i) % keys.length])) {
                count++;
            }
        }
        return count;
    }

    /** The time of the oldest call for {@code key}; only when it has one. */
    long oldestOf(String key) {
        for (int i = 0; i < size; i++) {
            if (key.equals(keys[(first + i) % keys.length])) {
                return times[(first + i) % times.length];
            }
        }
        return Long.MIN_VALUE / 2;
    }
}
