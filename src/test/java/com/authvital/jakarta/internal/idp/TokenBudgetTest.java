package com.authvital.jakarta.internal.idp;

import com.authvital.testing.LogRecords;
import com.authvital.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This server's budget of token calls: refreshes first, sign-ins within a share and per address, a sliding minute. */
class TokenBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T04:00:00Z"));
    /** The IdP's 30 calls a minute, three sign-ins a minute per address. */
    private final TokenBudget budget = new TokenBudget(30, 3, clock);

    private int refreshes(int count) {
        int granted = 0;
        for (int i = 0; i < count; i++) {
            granted += budget.refresh().granted() ? 1 : 0;
        }
        return granted;
    }

    @Test
    void refreshesMayUseTheWholeBudgetAndTheNextWaitsUntilTheFirstLeavesTheMinute() {
        assertEquals(30, refreshes(30));
        clock.advance(Duration.ofSeconds(20));

        TokenBudget.Decision next = budget.refresh();

        assertFalse(next.granted());
        assertEquals(Duration.ofSeconds(40), next.retryAfter());
        assertEquals(40, next.retryAfterSeconds());
    }

    @Test
    void signInsTakeAtMostAThirdOfTheBudgetSoTwentyRefreshesAMinuteAreAlwaysLeft() {
        int exchanges = 0;
        for (int i = 0; i < 100; i++) {
            exchanges += budget.exchange("203.0.113." + i).granted() ? 1 : 0;
        }

        assertEquals(10, exchanges);
        assertEquals(20, refreshes(25));
    }

    @Test
    void oneAddressGetsThreeSignInsAMinuteAndAnotherAddressIsNotHeldBack() {
        for (int i = 0; i < 3; i++) {
            assertTrue(budget.exchange("198.51.100.7").granted());
            clock.advance(Duration.ofSeconds(10));
        }

        TokenBudget.Decision fourth = budget.exchange("198.51.100.7");

        assertFalse(fourth.granted());
        assertEquals(Duration.ofSeconds(30), fourth.retryAfter(), "until its first sign-in leaves the minute");
        assertTrue(budget.exchange("198.51.100.8").granted());
    }

    @Test
    void anIpv6SubscribersAddressesShareTheirSlash64sAllowance() {
        assertTrue(budget.exchange("2001:db8:1:2::10").granted());
        assertTrue(budget.exchange("2001:db8:1:2:aaaa::20").granted());
        assertTrue(budget.exchange("2001:0db8:0001:0002:ffff:ffff:ffff:ffff%eth0").granted());

        assertFalse(budget.exchange("2001:db8:1:2::30").granted());
        assertTrue(budget.exchange("2001:db8:1:3::1").granted(), "another /64");
    }

    @Test
    void noSignInForAMinuteAfterARefreshHadToBeRefused() {
        assertEquals(30, refreshes(30));
        clock.advance(Duration.ofSeconds(30));
        assertFalse(budget.refresh().granted());
        clock.advance(Duration.ofSeconds(31)); // the 30 refreshes have left the minute

        TokenBudget.Decision signIn = budget.exchange("203.0.113.1");

        assertFalse(signIn.granted(), "a refresh was waiting 31 s ago");
        assertEquals(Duration.ofSeconds(29), signIn.retryAfter());
        assertTrue(budget.refresh().granted(), "refreshes go on at once");
        clock.advance(Duration.ofSeconds(29));
        assertTrue(budget.exchange("203.0.113.1").granted());
    }

    @Test
    void theMinuteSlidesSoNoMinuteTheIdpCountsSeesMoreThanTheBudget() {
        assertEquals(15, refreshes(15));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(15, refreshes(15));
        clock.advance(Duration.ofMillis(29_999));
        assertFalse(budget.refresh().granted(), "a fixed minute starting at the first call would allow 15 more here");
        clock.advance(Duration.ofMillis(1));

        assertEquals(15, refreshes(16), "the first 15 have left the minute, the second 15 not");
    }

    @Test
    void aQuarterMillionAddressesSigningInLeaveTheBudgetRememberingNoMoreThanItsCalls() {
        int exchanges = 0;
        for (int i = 0; i < 250_000; i++) {
            exchanges += budget.exchange("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)).granted() ? 1 : 0;
            if (i % 1_000 == 999) {
                clock.advance(Duration.ofSeconds(1)); // 250 s: a little over four minutes of sign-ins
            }
            assertTrue(budget.remembered() <= 10, "remembered " + budget.remembered() + " after " + i);
        }

        assertEquals(50, exchanges, "ten in each of the five minutes the calls span");
        assertEquals(20, refreshes(30), "the last minute's ten sign-ins leave twenty refreshes");
    }

    @Test
    void refreshesAtFourFifthsOfTheBudgetLogAV1423OnceAMinute() {
        try (LogRecords log = LogRecords.of(TokenBudget.class)) {
            refreshes(23);
            assertFalse(log.has(Level.WARNING, "AV1423"), log.toString());

            refreshes(7);
            assertTrue(log.has(Level.WARNING, "AV1423W: 24 refreshes in the last minute, of the 30 token calls"),
                    log.toString());
            assertEquals(1, log.lines().size(), log.toString());

            clock.advance(Duration.ofSeconds(60));
            refreshes(24);
            assertEquals(2, log.lines().size(), "again after a minute: " + log);
        }
    }

    @Test
    void aClockSetBackKeepsTheCallsAgesRatherThanCountingThemForAnHourMore() {
        assertEquals(30, refreshes(30));
        clock.advance(Duration.ofHours(-1));
        assertFalse(budget.refresh().granted());

        clock.advance(Duration.ofSeconds(60));

        assertTrue(budget.refresh().granted());
    }
}
