package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import com.authvital.jakarta.internal.token.TokenKeys;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * What AuthVital's signed events said of users' access, in the store's {@code ACCESS} region,
 * which every server answers from its own memory. Compared with a token's {@code iat}, on the
 * IdP's clock as the events' timestamps are (authvital-events.md §6.9):
 * <ul>
 * <li><em>lost</em>: a cut-off second; the user's tokens of the tenant issued in it or before are
 *     refused, refresh tokens included. AuthVital mints no new token for a suspended or removed
 *     member, so a cut-off is enough; it lasts as long as a refresh token of before it lives.</li>
 * <li><em>blocked</em>, for the application access or the licence: AuthVital keeps minting tokens
 *     after it revoked them (§6.9), so every token is refused until the event that gives them back,
 *     which turns the block into a cut-off at the second before it (nothing older is re-admitted).
 *     The newest change of each block is kept in the mark: only a newer one changes it.</li>
 * <li><em>stale</em>: the roles changed; tokens issued in that second or before are refused so that
 *     a browser's are refreshed, except a token from a refresh that started after the mark was
 *     seen here ({@link #admit}): AuthVital minted it after that change.</li>
 * </ul>
 * A loss or a role change in a tenant also marks the user's tokens that name no tenant (a cut-off,
 * never a block). A deleted tenant and a disabled application have a mark of their own.
 */
public final class AccessMarks {

    /** What the marks say of a valid token. */
    public enum Standing {
        ACCEPTED,
        /** The user's access was taken away after (or while) it was issued. */
        LOST,
        /** The user's roles changed after it was issued: refresh it. */
        STALE
    }

    /** What AuthVital keeps blocked until an event gives it back. */
    public enum Block {
        /** The member's access to the application ({@code app_access.*}, {@code tenant.app.*}). */
        ACCESS,
        /** The member's licence, where licences gate access ({@code license.revoked}, {@code license.assigned}). */
        LICENCE
    }

    /**
     * A user's mark in a tenant, or the application's. {@code lost} and {@code stale} are seconds
     * (AuthVital's), -1 for none; each block has its flag and the instant (epoch ms) of the newest
     * change of it taken, -1 for none. A change no newer than that is not taken: a late, older
     * event cannot undo a newer one, a retried event changes nothing twice, and the decision and
     * its effect are one compare-and-set of the mark.
     */
    record Mark(long lost, long stale, boolean access, long accessAt, boolean licence, long licenceAt) {

        static final Mark NONE = new Mark(-1, -1, false, -1, false, -1);

        static Mark parse(String value) {
            String[] parts = value.split("\\|");
            return new Mark(Long.parseLong(parts[0]), Long.parseLong(parts[1]), "1".equals(parts[2]),
                    Long.parseLong(parts[3]), "1".equals(parts[4]), Long.parseLong(parts[5]));
        }

        String format() {
            return lost + "|" + stale + "|" + (access ? 1 : 0) + "|" + accessAt + "|" + (licence ? 1 : 0) + "|" + licenceAt;
        }

        boolean blocked() {
            return access || licence;
        }

        boolean refuses(long issuedAt) {
            return blocked() || issuedAt <= lost;
        }

        Mark lostAt(long second) {
            return new Mark(Math.max(lost, second), stale, access, accessAt, licence, licenceAt);
        }

        Mark staleAt(long second) {
            return new Mark(lost, Math.max(stale, second), access, accessAt, licence, licenceAt);
        }

        /**
         * The block taken away ({@code on}) or given back at {@code millis}, when that is newer than
         * its last change taken; given back, nothing of before that second is accepted again.
         */
        Mark change(Block block, boolean on, long millis) {
            boolean was = block == Block.ACCESS ? access : licence;
            long newest = block == Block.ACCESS ? accessAt : licenceAt;
            if (millis <= newest) {
                return this; // older than what was taken, or the same change again
            }
            Mark changed = block == Block.ACCESS ? new Mark(lost, stale, on, millis, licence, licenceAt)
                    : new Mark(lost, stale, access, accessAt, on, millis);
            return was && !on ? changed.lostAt(Math.floorDiv(millis, 1000) - 1) : changed;
        }

        /** The instant of the newest change of a block taken, epoch ms; -1 for none. */
        long newestChange() {
            return Math.max(accessAt, licenceAt);
        }
    }

    /** How many times a mark is tried again when another server changed it meanwhile. */
    private static final int ATTEMPTS = 20;
    /** How long the newest change of a block is kept at least: longer than AuthVital retries an event (about 41 h). */
    static final Duration ORDER_KEPT = Duration.ofDays(3);
    private static final String APPLICATION_KEY = StoreKeys.of("access-application", "");

    private final SessionStore store;
    private final Clock clock;
    private final Duration skew;
    /** The longest lifetime of an access token seen here, in seconds: how long a stale mark matters. */
    private final LongSupplier longestToken;

    AccessMarks(SessionStore store, Clock clock, Duration skew, LongSupplier longestToken) {
        this.store = store;
        this.clock = clock;
        this.skew = skew;
        this.longestToken = longestToken;
    }

    /**
     * The user lost access to the tenant at {@code at}: every token of before it goes; with a
     * {@code block}, unless a newer change of that access was taken, every token until it is given
     * back. A late, older loss still moves the cut-off.
     */
    public void lost(String userId, String tenantId, Instant at, Block block) {
        long second = at.getEpochSecond();
        update(TokenKeys.accessKey(userId, tenantId),
                mark -> block == null ? mark.lostAt(second) : mark.lostAt(second).change(block, true, at.toEpochMilli()));
        if (tenantId != null && !tenantId.isEmpty()) {
            update(TokenKeys.accessKey(userId, null), mark -> mark.lostAt(second));
        }
    }

    /**
     * AuthVital gave the user's {@code block}ed access back at {@code at}: unless a newer change of
     * it was taken, tokens from that second on are accepted again. Remembered also when nothing was
     * blocked, so that a late, older loss does not block.
     */
    public void restored(String userId, String tenantId, Instant at, Block block) {
        update(TokenKeys.accessKey(userId, tenantId), mark -> mark.change(block, false, at.toEpochMilli()));
    }

    /** The user's roles in the tenant changed at {@code at}: tokens of before it are refreshed. */
    public void rolesChanged(String userId, String tenantId, Instant at) {
        long second = at.getEpochSecond();
        update(TokenKeys.accessKey(userId, tenantId), mark -> mark.staleAt(second));
        if (tenantId != null && !tenantId.isEmpty()) {
            update(TokenKeys.accessKey(userId, null), mark -> mark.staleAt(second));
        }
    }

    /** The tenant was deleted: none of its tokens is accepted again. */
    public void tenantDeleted(String tenantId) {
        store.put(SessionStore.Region.ACCESS, TokenKeys.tenantKey(tenantId), "1",
                clock.instant().plus(SessionStore.Region.ACCESS.lifetime));
    }

    /** The application was disabled at {@code at}, or enabled again ({@code active}); only the newest change counts. */
    public void applicationActive(boolean active, Instant at) {
        update(APPLICATION_KEY, mark -> (active ? mark : mark.lostAt(at.getEpochSecond()))
                .change(Block.ACCESS, !active, at.toEpochMilli()));
    }

    /** The application was deleted at {@code at}: no event gives it back. */
    public void applicationDeleted(Instant at) {
        update(APPLICATION_KEY, mark -> mark.lostAt(at.getEpochSecond()).change(Block.ACCESS, true, Long.MAX_VALUE));
    }

    /**
     * A token AuthVital minted in a refresh that started after the user's stale mark of
     * {@code staleSecond} was seen here: minted after that change, whatever its {@code iat} second
     * says. A later change makes it stale again.
     */
    void admit(String accessToken, Instant expiresAt, long staleSecond) {
        store.put(SessionStore.Region.ACCESS, admittedKey(TokenKeys.hash(accessToken)), Long.toString(staleSecond),
                expiresAt.plus(skew));
    }

    /** The second of the user's newest role change in the tenant, -1 for none: a refresh's new token is {@link #admit admitted} past it. */
    long staleSecond(String userId, String tenantId) {
        return userId == null || store.isEmpty(SessionStore.Region.ACCESS) ? -1
                : mark(TokenKeys.accessKey(userId, tenantId)).stale();
    }

    /** What the marks say of a valid token: nothing to look up while no event was ever taken. */
    public Standing standing(ValidatedToken token) {
        if (store.isEmpty(SessionStore.Region.ACCESS)) {
            return Standing.ACCEPTED;
        }
        long issuedAt = token.principal().getIssuedAtTime();
        if (store.get(SessionStore.Region.ACCESS, token.tenantKey()).isPresent() || mark(APPLICATION_KEY).refuses(issuedAt)) {
            return Standing.LOST;
        }
        Optional<String> value = store.get(SessionStore.Region.ACCESS, token.accessKey());
        if (value.isEmpty()) {
            return Standing.ACCEPTED;
        }
        Mark mark = Mark.parse(value.get());
        if (mark.refuses(issuedAt)) {
            return Standing.LOST;
        }
        if (issuedAt > mark.stale()) {
            return Standing.ACCEPTED;
        }
        Optional<String> admitted = store.get(SessionStore.Region.ACCESS, admittedKey(token.hash()));
        return admitted.isPresent() && Long.parseLong(admitted.get()) >= mark.stale() ? Standing.ACCEPTED : Standing.STALE;
    }

    /**
     * Whether a refresh token of the user and tenant, issued at {@code issuedAt} (epoch seconds; 0
     * when it says not), must not be used. Without {@code iat} only a block refuses it: a cut-off
     * cannot be compared, and AuthVital refuses a suspended or removed member's refresh itself.
     */
    public boolean refusesRefresh(String userId, String tenantId, long issuedAt) {
        if (store.isEmpty(SessionStore.Region.ACCESS)) {
            return false;
        }
        Mark application = mark(APPLICATION_KEY);
        Mark user = userId == null ? Mark.NONE : mark(TokenKeys.accessKey(userId, tenantId));
        return tenantId != null && store.get(SessionStore.Region.ACCESS, TokenKeys.tenantKey(tenantId)).isPresent()
                || application.blocked() || user.blocked()
                || issuedAt > 0 && (issuedAt <= application.lost() || issuedAt <= user.lost());
    }

    /** The cut-off of the user's access to the tenant: sessions that began in it or before are gone. */
    public Optional<Instant> lostUntil(String userId, String tenantId) {
        if (store.isEmpty(SessionStore.Region.ACCESS)) {
            return Optional.empty();
        }
        long lost = mark(TokenKeys.accessKey(userId, tenantId)).lost();
        return lost < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(lost + 1));
    }

    private Mark mark(String key) {
        return store.get(SessionStore.Region.ACCESS, key).map(Mark::parse).orElse(Mark.NONE);
    }

    private static String admittedKey(String tokenHash) {
        return StoreKeys.of("admitted", tokenHash);
    }

    /**
     * Changes a mark that other servers may be changing at the same moment. The mark is read from
     * this server's copy, which follows the shared cache a moment late: a replace that misses is
     * tried again after a pause that grows (about a second in all), for the copy to catch up.
     */
    private void update(String key, UnaryOperator<Mark> change) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (i > 0) {
                pause(5L * i);
            }
            Optional<String> known = store.get(SessionStore.Region.ACCESS, key);
            Mark before = known.map(Mark::parse).orElse(Mark.NONE);
            Mark after = change.apply(before);
            if (after.equals(before)) {
                return;
            }
            String next = after.format();
            if (known.isEmpty() ? store.putIfAbsent(SessionStore.Region.ACCESS, key, next, until(after))
                    : store.replace(SessionStore.Region.ACCESS, key, known.get(), next, until(after))) {
                return;
            }
        }
        // The sender is answered 503 and sends the event again.
        throw new IllegalStateException("a user's access mark kept changing; the event was not recorded");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording an access mark", e);
        }
    }

    /**
     * As long as the mark matters: a block until lifted (the region's year); a cut-off while a
     * refresh token of before it may be presented; a stale mark while an access token of before it
     * lives; the newest change of a block while AuthVital may still deliver an older one.
     */
    private Instant until(Mark mark) {
        if (mark.blocked()) {
            return clock.instant().plus(SessionStore.Region.ACCESS.lifetime);
        }
        long lost = mark.lost() < 0 ? 0 : Instant.ofEpochSecond(mark.lost()).plus(Revocations.CHAIN_LIFETIME).getEpochSecond();
        long stale = mark.stale() < 0 ? 0 : mark.stale() + longestToken.getAsLong() + 2 * skew.toSeconds();
        long ordered = mark.newestChange() < 0 ? 0 : Math.floorDiv(mark.newestChange(), 1000) + ORDER_KEPT.toSeconds();
        return Instant.ofEpochSecond(Math.max(Math.max(lost, stale), ordered)).plus(skew);
    }
}
