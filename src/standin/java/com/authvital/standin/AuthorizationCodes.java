package com.authvital.standin;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The authorization codes of {@code /oauth/authorize}: random, valid {@link #LIFETIME}, usable
 * once. A used code is remembered for {@link #REMEMBERED} after it expires, so that a replay is
 * told apart from an unknown code.
 */
final class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final Duration REMEMBERED = Duration.ofMinutes(10);

    /**
     * What a code stands for.
     *
     * @param request   the validated authorization request
     * @param userId    who signed in
     * @param expiresAt when the code stops working
     */
    record Grant(AuthorizeRequest request, String userId, Instant expiresAt) {
    }

    /** A code's grant and its single use. */
    static final class Entry {
        private final Grant grant;
        private final AtomicBoolean used = new AtomicBoolean();

        Entry(Grant grant) {
            this.grant = grant;
        }

        Grant grant() {
            return grant;
        }

        boolean isUsed() {
            return used.get();
        }

        /** Marks the code used; true only for the one call that did, so of two exchanges one wins. */
        boolean consume() {
            return used.compareAndSet(false, true);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> codes = new ConcurrentHashMap<>();

    /** A new code for this sign-in. */
    String issue(AuthorizeRequest request, String userId) {
        Instant now = Instant.now();
        codes.values().removeIf(e -> e.grant().expiresAt().plus(REMEMBERED).isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Entry(new Grant(request, userId, now.plus(LIFETIME))));
        return code;
    }

    Optional<Entry> find(String code) {
        return Optional.ofNullable(codes.get(code));
    }
}
