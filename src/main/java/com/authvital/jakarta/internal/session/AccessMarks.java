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
 *     which turns the block into a cut-off at the second before it (nothing older is re-admitted).</li>
 * <li><em>stale</em>: the roles changed; tokens issued in that second or before are refused so that
 *     a browser's are refreshed, except a token from a refresh that started after the mark was
 *     seen here ({@link #admit}): AuthVital minted it after the change.</li>
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

    /** A user's mark in a tenant, or the application's: seconds, -1 for none. */
    record Mark(long lost, boolean access, boolean licence, long stale) {

        static final Mark NONE = new Mark(-1, false, false, -1);

        static Mark parse(String value) {
            String[] parts = value.split("\\|");
            return new Mark(Long.parseLong(parts[0]), "1".equals(parts[1]), "1".equals(parts[2]), Long.parseLong(parts[3]));
        }

        String format() {
            return lost + "|" + (access ? 1 : 0) + "|" + (licence ? 1 : 0) + "|" + stale;
        }

        boolean blocked() {
            return access || licence;
        }

        boolean refuses(long issuedAt) {
            return blocked() || issuedAt <= lost;
        }

        Mark lostAt(long second) {
            return new Mark(Math.max(lost, second), access, licence, stale);
        }

        Mark with(Block block, boolean on) {
            return block == Block.ACCESS ? new Mark(lost, on, licence, stale) : new Mark(lost, access, on, stale);
        }

        boolean has(Block block) {
            return block == Block.ACCESS ? access : licence;
        }
    }

    /** How many times a mark is tried again when another server changed it meanwhile. */
    private static final int ATTEMPTS = 20;
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
     * {@code block}, when {@code newest} (no later change of that access was taken), every token
     * until it is given back. A late, older loss still moves the cut-off.
     */
    public void lost(String userId, String tenantId, Instant at, Block block, boolean newest) {
        long second = at.getEpochSecond();
        update(TokenKeys.accessKey(userId, tenantId),
                mark -> block != null && newest ? mark.lostAt(second).with(block, true) : mark.lostAt(second));
        if (tenantId != null && !tenantId.isEmpty()) {
            update(TokenKeys.accessKey(userId, null), mark -> mark.lostAt(second));
        }
    }

    /**
     * AuthVital gave the user's {@code block}ed access back at {@code at} ({@code newest}: no later
     * change of it was taken): tokens from the next second on are accepted again.
     */
    public void restored(String userId, String tenantId, Instant at, Block block, boolean newest) {
        if (!newest) {
            return;
        }
        update(TokenKeys.accessKey(userId, tenantId), mark -> mark.has(block)
                ? mark.with(block, false).lostAt(at.getEpochSecond() - 1) : mark);
    }

    /** The user's roles in the tenant changed at {@code at}: tokens of before it are refreshed. */
    public void rolesChanged(String userId, String tenantId, Instant at) {
        long second = at.getEpochSecond();
        UnaryOperator<Mark> stale = mark -> new Mark(mark.lost(), mark.access(), mark.licence(), Math.max(mark.stale(), second));
        update(TokenKeys.accessKey(userId, tenantId), stale);
        if (tenantId != null && !tenantId.isEmpty()) {
            update(TokenKeys.accessKey(userId, null), stale);
        }
    }

    /** The tenant was deleted: none of its tokens is accepted again. */
    public void tenantDeleted(String tenantId) {
        store.put(SessionStore.Region.ACCESS, TokenKeys.tenantKey(tenantId), "1", until(new Mark(-1, true, false, -1)));
    }

    /** The application was disabled at {@code at} (or enabled again, {@code active}); only the newest change counts. */
    public void applicationActive(boolean active, Instant at, boolean newest) {
        long second = at.getEpochSecond();
        update(APPLICATION_KEY, mark -> !newest ? mark
                : active ? (mark.access() ? mark.with(Block.ACCESS, false).lostAt(second - 1) : mark)
                : mark.lostAt(second).with(Block.ACCESS, true));
    }

    /**
     * A token AuthVital minted in a refresh that started after this user's stale mark was seen
     * here: minted after the change, whatever its {@code iat} second says.
     */
    void admit(String accessToken, Instant expiresAt) {
        store.put(SessionStore.Region.ACCESS, admittedKey(TokenKeys.hash(accessToken)), "1", expiresAt.plus(skew));
    }

    /** Whether the user has a stale mark in the tenant now: a refresh's new token is then {@link #admit admitted}. */
    boolean staleFor(String userId, String tenantId) {
        return userId != null && !store.isEmpty(SessionStore.Region.ACCESS) && mark(TokenKeys.accessKey(userId, tenantId)).stale() >= 0;
    }

    /** What the marks say of a valid token: nothing to look up while no event was ever taken. */
    public Standing standing(ValidatedToken token) {
        if (store.isEmpty(SessionStore.Region.ACCESS)) {
            return Standing.ACCEPTED;
        }
        long issuedAt = token.principal().getIssuedAtTime();
        if (store.get(SessionStore.Region.ACCESS, token.tenantKey()).isPresent()
                || store.get(SessionStore.Region.ACCESS, APPLICATION_KEY).map(Mark::parse).orElse(Mark.NONE).refuses(issuedAt)) {
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
        return issuedAt <= mark.stale()
                && store.get(SessionStore.Region.ACCESS, admittedKey(token.hash())).isEmpty()
                ? Standing.STALE : Standing.ACCEPTED;
    }

    /** Whether a refresh token of the user and tenant, issued at {@code issuedAt} (epoch seconds), must not be used. */
    public boolean refusesRefresh(String userId, String tenantId, long issuedAt) {
        if (store.isEmpty(SessionStore.Region.ACCESS)) {
            return false;
        }
        return tenantId != null && store.get(SessionStore.Region.ACCESS, TokenKeys.tenantKey(tenantId)).isPresent()
                || mark(APPLICATION_KEY).refuses(issuedAt)
                || userId != null && mark(TokenKeys.accessKey(userId, tenantId)).refuses(issuedAt);
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

    /** Changes a mark that other servers may be changing at the same moment. */
    private void update(String key, UnaryOperator<Mark> change) {
        for (int i = 0; i < ATTEMPTS; i++) {
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
        // Twenty events for one user at the same moment: the sender retries what failed.
        throw new IllegalStateException("a user's access mark kept changing; the event was not recorded");
    }

    /**
     * As long as the mark matters: a block until lifted (the region's year); a cut-off while a
     * refresh token of before it may be presented; a stale mark while an access token of before it lives.
     */
    private Instant until(Mark mark) {
        if (mark.blocked()) {
            return clock.instant().plus(SessionStore.Region.ACCESS.lifetime);
        }
        long lost = mark.lost() < 0 ? 0 : Instant.ofEpochSecond(mark.lost()).plus(Revocations.CHAIN_LIFETIME).getEpochSecond();
        long stale = mark.stale() < 0 ? 0 : mark.stale() + longestToken.getAsLong() + 2 * skew.toSeconds();
        return Instant.ofEpochSecond(Math.max(lost, stale)).plus(skew);
    }
}
