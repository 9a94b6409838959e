package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.internal.message.Messages;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * This server's own account of its calls to {@code POST /oauth/token}, which the IdP allows 30 a
 * minute per client address, and a web application makes for all its users from one address.
 * Refreshes of signed-in users come first. Over any sliding minute:
 * <ul>
 * <li>no call is granted once {@code budget} were: refreshes may use them all;</li>
 * <li>code exchanges (sign-ins) take at most one part in {@value #EXCHANGE_SHARE} of the budget,
 *     at most {@code perAddress} of them for one client address (an IPv6 address counts by its
 *     /64), and none for a minute after a refresh had to be refused.</li>
 * </ul>
 * A sliding minute, not a fixed one: whichever minute the IdP counts, it sees no more than the
 * budget. Only granted calls are remembered, each for a minute, so the memory is two arrays the
 * size of the budget whatever anonymous callers send; an address's count is read off the
 * minute's granted exchanges, of which there are at most a third of the budget. One per application.
 */
public final class TokenBudget {

    /** The IdP counts calls per minute. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Exchanges may take at most one part in this many of the budget (at least one call). */
    static final int EXCHANGE_SHARE = 3;
    /** The refreshes of a minute, in percent of the budget, that log AV1423 (once a minute at most). */
    static final int WARNING_PERCENT = 80;

    private static final System.Logger LOG = System.getLogger(TokenBudget.class.getName());
    private static final long WINDOW_MILLIS = WINDOW.toMillis();

    /**
     * What the budget allows a call.
     *
     * @param granted    whether the call may be made now; it is counted
     * @param retryAfter when refused, how long until it could be granted; zero when granted
     */
    public record Decision(boolean granted, Duration retryAfter) {

        static final Decision GRANTED = new Decision(true, Duration.ZERO);

        /** The wait in whole seconds for a {@code Retry-After}, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final int budget;
    private final int exchangeShare;
    private final int perAddress;
    private final int warnAt;
    private final Clock clock;
    private final CallLog refreshes;
    private final CallLog exchanges;
    private long refreshRefusedAt = Long.MIN_VALUE / 2;
    private long warnedAt = Long.MIN_VALUE / 2;
    private long lastNow = Long.MIN_VALUE / 2;

    /**
     * @param budget     calls to the token endpoint this server may make a minute
     * @param perAddress code exchanges one client address may cause a minute
     */
    public TokenBudget(int budget, int perAddress, Clock clock) {
        this.budget = budget;
        this.exchangeShare = Math.max(1, budget / EXCHANGE_SHARE);
        this.perAddress = perAddress;
        this.warnAt = Math.max(1, (budget * WARNING_PERCENT + 99) / 100);
        this.clock = clock;
        this.refreshes = new CallLog(budget);
        this.exchanges = new CallLog(exchangeShare);
    }

    /** A refresh of a signed-in user's tokens: granted while the minute's budget lasts. */
    public Decision refresh() {
        int nearBudget;
        synchronized (this) {
            long now = clock.millis();
            forget(now);
            if (used() >= budget) {
                refreshRefusedAt = now;
                return refused(firstFree(now) - now);
            }
            refreshes.add(now, null);
            nearBudget = refreshes.size() >= warnAt && now - warnedAt >= WINDOW_MILLIS ? refreshes.size() : 0;
            if (nearBudget > 0) {
                warnedAt = now;
            }
        }
        if (nearBudget > 0) {
            LOG.log(System.Logger.Level.WARNING, Messages.refreshesNearBudget(nearBudget, budget));
        }
        return Decision.GRANTED;
    }

    /** A sign-in's code exchange for the client at {@code address}: only what refreshes leave. */
    public synchronized Decision exchange(String address) {
        long now = clock.millis();
        forget(now);
        String key = addressKey(address);
        long until = now;
        if (used() >= budget) {
            until = Math.max(until, firstFree(now));
        }
        if (exchanges.size() >= exchangeShare) {
            until = Math.max(until, exchanges.oldest() + WINDOW_MILLIS);
        }
        if (exchanges.count(key) >= perAddress) {
            until = Math.max(until, exchanges.oldestOf(key) + WINDOW_MILLIS);
        }
        if (now - refreshRefusedAt < WINDOW_MILLIS) {
            until = Math.max(until, refreshRefusedAt + WINDOW_MILLIS);
        }
        if (until > now) {
            return refused(until - now);
        }
        exchanges.add(now, key);
        return Decision.GRANTED;
    }

    /**
     * What a readiness check shows of the budget.
     *
     * @param perMinute      calls to the token endpoint this server may make a minute
     * @param lastMinute     calls granted in the last minute (refreshes and exchanges)
     * @param exhaustedUntil until when no call is granted, the budget spent; null while calls are
     */
    public record Status(int perMinute, int lastMinute, Instant exhaustedUntil) {
    }

    /** The budget now, from memory. */
    public synchronized Status status() {
        long now = clock.millis();
        forget(now);
        return new Status(budget, used(), used() >= budget ? Instant.ofEpochMilli(firstFree(now)) : null);
    }

    /** How many calls the budget remembers at this moment: never more than the budget. */
    synchronized int remembered() {
        return refreshes.size() + exchanges.size();
    }

    private int used() {
        return refreshes.size() + exchanges.size();
    }

    /** When the oldest call of the minute leaves it. */
    private long firstFree(long now) {
        long first = Long.MAX_VALUE;
        if (refreshes.size() > 0) {
            first = refreshes.oldest();
        }
        if (exchanges.size() > 0) {
            first = Math.min(first, exchanges.oldest());
        }
        return first == Long.MAX_VALUE ? now : first + WINDOW_MILLIS;
    }

    private void forget(long now) {
        if (now < lastNow) {
            // The wall clock was set back: the calls keep their ages, or they would count for longer.
            long back = lastNow - now;
            refreshes.shift(back);
            exchanges.shift(back);
            refreshRefusedAt -= back;
            warnedAt -= back;
        }
        lastNow = now;
        refreshes.forgetUntil(now - WINDOW_MILLIS);
        exchanges.forgetUntil(now - WINDOW_MILLIS);
    }

    private static Decision refused(long waitMillis) {
        return new Decision(false, Duration.ofMillis(Math.max(1, waitMillis)));
    }

    /**
     * Whom a per-address count is kept for: an IPv4 address itself; an IPv6 address by its /64,
     * the least a subscriber is given, so that one subscriber is one address here.
     */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        String literal = address.replaceFirst("%.*$", "");
        // Only a literal is parsed: with these characters InetAddress looks no name up.
        if (!literal.matches("[0-9A-Fa-f:][0-9A-Fa-f:.]*")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length != 16) {
                return literal; // an IPv4-mapped address comes back as IPv4
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.append("::/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
