package com.authvital.jakarta.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the servers of one application must share, behind one small interface: the denials that
 * make a revocation bite, the device records, and the short-lived results of refreshes (so that a
 * server receiving an old refresh cookie a moment after another server refreshed it answers with
 * the new tokens instead of replaying it at the IdP, which would revoke every session of the
 * user). {@link InMemoryStore} serves one server (the default); {@code JCacheStore} a cluster,
 * through any JCache (JSR-107) engine.
 *
 * <p>Keys and values are strings: nothing of the module's classes goes to a cache engine. Nothing
 * secret is stored in the clear (token hashes, never tokens; refresh results sealed with the
 * configured key). Every entry has its own expiry: it is never answered after it, and goes at the
 * latest after its region's lifetime.
 */
public interface SessionStore extends AutoCloseable {

    /** What the store holds, each for at most its lifetime. */
    enum Region {
        /**
         * Denied token hashes, users and chains of sessions. Read on every request: each server
         * answers it from its own memory (a mirror fed by the cache's events), never by a network call.
         */
        DENIALS("denials", Duration.ofDays(8), true),
        /**
         * What AuthVital's signed events said of users' access: cut-offs before which a user's
         * tokens are refused, access taken away until AuthVital gives it back, roles changed. Read
         * on every request from each server's memory, like the denials; a block lasts until the
         * event that lifts it, up to a year.
         */
        ACCESS("access", Duration.ofDays(366), true),
        /** A current session to its chain, a chain to the keys of its access tokens, denied chains. */
        CHAINS("chains", Duration.ofDays(8), false),
        /** Session id to its device: user agent, address, first sign-in. */
        DEVICES("devices", Duration.ofDays(8), false),
        /** Old session id to the sealed new tokens of its refresh, for the grace. */
        REFRESHES("refreshes", Duration.ofMinutes(10), false),
        /**
         * Sessions whose refresh token the IdP has spent, to their chain: never presented again;
         * sign-in states whose code was exchanged; reused tokens already shown to the IdP.
         */
        SPENT("spent", Duration.ofDays(8), false),
        /**
         * Old session id to the server refreshing it at this moment: one refresh in the whole
         * cluster. Longer than the longest IdP call the settings allow (connect and read timeouts
         * of at most 5 minutes each), so that a claim never lapses while its holder waits.
         */
        CLAIMS("claims", Duration.ofMinutes(11), false);

        /** Its part of a cache's name. */
        public final String id;
        /** The longest any of its entries lives. */
        public final Duration lifetime;
        /** Whether each server answers it from memory. */
        public final boolean mirrored;

        Region(String id, Duration lifetime, boolean mirrored) {
            this.id = id;
            this.lifetime = lifetime;
            this.mirrored = mirrored;
        }
    }

    /** The value under {@code key}, unless it expired. */
    Optional<String> get(Region region, String key);

    /** Sets {@code key} to {@code value} until {@code expiresAt}. */
    void put(Region region, String key, String value, Instant expiresAt);

    /** Sets {@code key} unless it holds an unexpired value; whether it did. */
    boolean putIfAbsent(Region region, String key, String value, Instant expiresAt);

    /** Sets {@code key} only while it holds {@code expected} (unexpired); whether it did. */
    boolean replace(Region region, String key, String expected, String value, Instant expiresAt);

    /** Removes {@code key}. */
    void remove(Region region, String key);

    /**
     * Whether nothing is in a mirrored region, cheaply: lets the per-request check skip its
     * lookups while nothing was ever denied.
     */
    boolean isEmpty(Region region);

    /**
     * Whether the store can be reached now. In memory, always. A store that cannot be reached
     * answers from what it has and keeps its writes until it can again.
     */
    boolean reachable();

    /**
     * Whether this server holds the revocations of every server: false for a shared store that
     * has not yet been loaded once (it started while its engine could not be reached). In memory,
     * always.
     */
    default boolean holdsRevocations() {
        return true;
    }

    /** What this server knows of the store now, from memory; a store of one server's memory by default. */
    default StoreStatus status() {
        return new StoreStatus(false, reachable(), 0, java.util.Map.of());
    }

    /** Lets go of the engine when the application stops. */
    @Override
    void close();
}
