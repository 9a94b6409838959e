package com.authvital.jakarta.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The store of one server: bounded and in memory (Caffeine, each entry gone at its own expiry or
 * its region's lifetime, whichever comes first). Also each server's mirror of a shared store.
 */
public final class InMemoryStore implements SessionStore {

    /** How many entries each region keeps at most: past that, those least used go. */
    static final int MAX_PER_REGION = 200_000;

    /** A value and when it stops being answered (epoch milliseconds). */
    record Entry(String value, long expiresAt) {
    }

    private final Map<Region, Cache<String, Entry>> regions = new EnumMap<>(Region.class);
    private final Clock clock;

    /** A store on the system clock. */
    public InMemoryStore() {
        this(Clock.systemUTC(), MAX_PER_REGION);
    }

    InMemoryStore(Clock clock, int maxPerRegion) {
        this.clock = clock;
        for (Region region : Region.values()) {
            regions.put(region, Caffeine.newBuilder().maximumSize(maxPerRegion)
                    .expireAfter(new UntilItsExpiry(region, clock)).executor(Runnable::run).build());
        }
    }

    /** Caffeine's expiry: the entry's own, capped at the region's lifetime. */
    private record UntilItsExpiry(Region region, Clock clock) implements Expiry<String, Entry> {

        @Override
        public long expireAfterCreate(String key, Entry entry, long now) {
            long millis = Math.min(entry.expiresAt() - clock.millis(), region.lifetime.toMillis());
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long now, long current) {
            return expireAfterCreate(key, entry, now);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long now, long current) {
            return current;
        }
    }

    private Cache<String, Entry> region(Region region) {
        return regions.get(region);
    }

    private boolean live(Entry entry) {
        return entry != null && entry.expiresAt() > clock.millis();
    }

    @Override
    public Optional<String> get(Region region, String key) {
        Entry entry = region(region).getIfPresent(key);
        return live(entry) ? Optional.of(entry.value()) : Optional.empty();
    }

    /** The entry itself, expiry included, when it is live. */
    Optional<Entry> entry(Region region, String key) {
        Entry entry = region(region).getIfPresent(key);
        return live(entry) ? Optional.of(entry) : Optional.empty();
    }

    @Override
    public void put(Region region, String key, String value, Instant expiresAt) {
        region(region).put(key, new Entry(value, expiresAt.toEpochMilli()));
    }

    @Override
    public boolean putIfAbsent(Region region, String key, String value, Instant expiresAt) {
        Entry mine = new Entry(value, expiresAt.toEpochMilli());
        boolean[] done = {false};
        region(region).asMap().compute(key, (k, known) -> {
            if (live(known)) {
                return known;
            }
            done[0] = true;
            return mine;
        });
        return done[0];
    }

    @Override
    public boolean replace(Region region, String key, String expected, String value, Instant expiresAt) {
        Entry mine = new Entry(value, expiresAt.toEpochMilli());
        boolean[] done = {false};
        region(region).asMap().computeIfPresent(key, (k, known) -> {
            if (live(known) && known.value().equals(expected)) {
                done[0] = true;
                return mine;
            }
            return known;
        });
        return done[0];
    }

    @Override
    public void remove(Region region, String key) {
        region(region).invalidate(key);
    }

    @Override
    public boolean isEmpty(Region region) {
        return region(region).estimatedSize() == 0;
    }

    /** Every live entry of a region, for a mirror's comparison. */
    Map<String, Entry> snapshot(Region region) {
        return Map.copyOf(region(region).asMap());
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public void close() {
        regions.values().forEach(Cache::invalidateAll);
    }
}
