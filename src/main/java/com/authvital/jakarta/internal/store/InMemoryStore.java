package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.message.Messages;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store of one server, in its memory; also each server's mirror of a shared store. Every
 * entry goes at its own expiry or its region's lifetime, whichever comes first, and never before:
 * no count bound evicts anything behind the module's back ({@link CompactTable}).
 *
 * <p>Each region takes at most {@code authvital.store.max-entries} entries. At four fifths of it
 * the store logs {@code AV1507} (WARNING); at the bound it logs {@code AV1508} (ERROR) and refuses
 * to add a key ({@link IdpUnavailableException}, 503): a refresh is then refused rather than its
 * spent mark forgotten, a revocation answered 503 rather than kept in no one's memory.
 *
 * <p>Keys of 16 base64url characters ({@link StoreKeys}) are held as their 96 bits; any other key
 * is hashed to 96 bits (SHA-256).
 */
public final class InMemoryStore implements SessionStore {

    private static final System.Logger LOG = System.getLogger(InMemoryStore.class.getName());

    /** How many entries each region takes by default: about 160 MB for a region of spent marks. */
    public static final int DEFAULT_MAX_ENTRIES = StoreSettings.DEFAULT_MAX_ENTRIES;
    /** How often, at most, a full region is swept of its expired entries before refusing a key. */
    private static final long SWEEP_EVERY_MILLIS = 1_000;
    private static final long LOG_FULL_EVERY_MILLIS = 60_000;

    /** A value and when it stops being answered (epoch milliseconds). */
    record Entry(String value, long expiresAt) {
    }

    private final Map<Region, CompactTable> regions = new EnumMap<>(Region.class);
    private final Map<Region, AtomicBoolean> warned = new EnumMap<>(Region.class);
    private final Map<Region, AtomicLong> lastSweep = new EnumMap<>(Region.class);
    private final Map<Region, AtomicLong> lastFullLog = new EnumMap<>(Region.class);
    private final String name;
    private final Clock clock;
    /** Whether a write was refused at a bound since {@link #refusals()} was last reset. */
    private final AtomicBoolean refused = new AtomicBoolean();

    /** A store on the system clock, with the default bound. */
    public InMemoryStore() {
        this(Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
    }

    public InMemoryStore(Clock clock, int maxPerRegion) {
        this("this server's store", clock, maxPerRegion);
    }

    /** @param name what log lines call it: the store, or a shared store's mirror */
    InMemoryStore(String name, Clock clock, int maxPerRegion) {
        this.name = name;
        this.clock = clock;
        for (Region region : Region.values()) {
            regions.put(region, new CompactTable(maxPerRegion));
            warned.put(region, new AtomicBoolean());
            lastSweep.put(region, new AtomicLong(Long.MIN_VALUE / 2));
            lastFullLog.put(region, new AtomicLong(Long.MIN_VALUE / 2));
        }
    }

    private long nowSeconds() {
        return Math.floorDiv(clock.millis(), 1000);
    }

    /** An expiry in whole seconds, rounded up, at most the region's lifetime from now. */
    private long seconds(Region region, Instant expiresAt) {
        long cap = clock.millis() + region.lifetime.toMillis();
        long millis = Math.min(expiresAt.toEpochMilli(), cap);
        return Math.min(Math.floorDiv(millis + 999, 1000), 0xFFFF_FFFFL);
    }

    @Override
    public Optional<String> get(Region region, String key) {
        return entry(region, key).map(Entry::value);
    }

    /** The entry itself, expiry included (to the second), when it is live. */
    Optional<Entry> entry(Region region, String key) {
        long[] bits = StoreKeys.bitsOf(key);
        CompactTable.Found found = regions.get(region).get(bits[0], bits[1], nowSeconds());
        return found == null ? Optional.empty() : Optional.of(new Entry(found.value(), found.expiresAt() * 1000));
    }

    @Override
    public void put(Region region, String key, String value, Instant expiresAt) {
        write(region, key, value, expiresAt, false, null);
    }

    @Override
    public boolean putIfAbsent(Region region, String key, String value, Instant expiresAt) {
        return write(region, key, value, expiresAt, true, null);
    }

    @Override
    public boolean replace(Region region, String key, String expected, String value, Instant expiresAt) {
        return write(region, key, value, expiresAt, false, expected);
    }

    /**
     * A write; whether it was made.
     *
     * @throws IdpUnavailableException 503 when the region is at its bound and the key is new
     */
    private boolean write(Region region, String key, String value, Instant expiresAt, boolean onlyIfAbsent,
                          String expected) {
        long[] bits = StoreKeys.bitsOf(key);
        CompactTable table = regions.get(region);
        long until = seconds(region, expiresAt);
        CompactTable.Write done = table.put(bits[0], bits[1], value, until, nowSeconds(), onlyIfAbsent, expected);
        if (done == CompactTable.Write.FULL && sweepAllowed(region)) {
            table.sweep(nowSeconds());
            done = table.put(bits[0], bits[1], value, until, nowSeconds(), onlyIfAbsent, expected);
        }
        if (done == CompactTable.Write.FULL) {
            refuse(region, table);
        }
        watch(region, table);
        return done == CompactTable.Write.WRITTEN;
    }

    private boolean sweepAllowed(Region region) {
        AtomicLong last = lastSweep.get(region);
        long now = clock.millis();
        long before = last.get();
        return now - before >= SWEEP_EVERY_MILLIS && last.compareAndSet(before, now);
    }

    /** AV1507 once a region passes four fifths of its bound, again once it went below three fifths. */
    private void watch(Region region, CompactTable table) {
        long size = table.size();
        AtomicBoolean said = warned.get(region);
        if (size * 5 >= table.maxEntries() * 4L) {
            if (said.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, Messages.storeNearlyFull(name, region.id, size, table.maxEntries()));
            }
        } else if (size * 5 < table.maxEntries() * 3L) {
            said.set(false);
        }
    }

    /** AV1508 at most once a minute, and the write refused. */
    private void refuse(Region region, CompactTable table) {
        refused.set(true);
        AtomicLong last = lastFullLog.get(region);
        long now = clock.millis();
        long before = last.get();
        if (now - before >= LOG_FULL_EVERY_MILLIS && last.compareAndSet(before, now)) {
            LOG.log(Level.ERROR, Messages.storeFullLog(name, region.id, table.maxEntries()));
        }
        throw new IdpUnavailableException(503, null, List.of(), Messages.storeFull(), null);
    }

    @Override
    public void remove(Region region, String key) {
        long[] bits = StoreKeys.bitsOf(key);
        regions.get(region).remove(bits[0], bits[1]);
    }

    /** Whether nothing is in a region, live or expired and not yet swept: never empty while it holds a live entry. */
    @Override
    public boolean isEmpty(Region region) {
        return regions.get(region).size() == 0;
    }

    /** How many entries a region holds, live or expired and not yet swept. */
    public int size(Region region) {
        return regions.get(region).size();
    }

    /**
     * Whether a write was refused at a bound since the last call with {@code reset}: a mirror that
     * refused one does not hold every revocation.
     */
    boolean refusals(boolean reset) {
        return reset ? refused.getAndSet(false) : refused.get();
    }

    /** The bytes a region's arrays take (not the strings they refer to). */
    public long bytes(Region region) {
        return regions.get(region).bytes();
    }

    @Override
    public boolean reachable() {
        return true;
    }

    /** Not shared, always reachable; each region's size. */
    @Override
    public StoreStatus status() {
        java.util.Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        for (Region region : Region.values()) {
            sizes.put(region.id, size(region));
        }
        return new StoreStatus(false, true, 0, sizes);
    }

    @Override
    public void close() {
        regions.values().forEach(CompactTable::clear);
    }
}
