package com.authvital.jakarta.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.session.AccessMarks.Block;
import com.authvital.jakarta.internal.session.AccessMarks.Standing;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.token.ValidatedToken;
import com.authvital.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What AuthVital's events make of a user's tokens, as every server reads it from the store they
 * share: a loss refuses what was issued up to its second, a block everything until access is given
 * back, a role change has older tokens refreshed; another tenant's event touches nothing here.
 */
class AccessMarksTest {

    private static final Instant EVENT = Instant.parse("2026-12-07T10:00:00.512Z");
    private static final long SECOND = EVENT.getEpochSecond();

    private final MutableClock clock = new MutableClock(EVENT.plusSeconds(1));
    private final InMemoryStore store = new InMemoryStore(clock, 100_000);
    private final Revocations revocations = new Revocations(store, clock, Duration.ofSeconds(30));
    private final AccessMarks marks = revocations.access();
    /** Another server over the same store. */
    private final AccessMarks otherServer = new Revocations(store, clock, Duration.ofSeconds(30)).access();

    private static ValidatedToken token(String user, String tenant, long issuedAt) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", user, "iat", issuedAt));
        if (tenant != null) {
            claims.put("tenant_id", tenant);
        }
        return new ValidatedToken("token-" + user + "-" + tenant + "-" + issuedAt, new AuthVitalPrincipal(claims),
                EVENT.plusSeconds(3600).toEpochMilli(), "kid-1");
    }

    @Test
    void aSuspensionRefusesTheTokensIssuedUpToItsSecondOnEveryServerAndNotTheLaterOnes() {
        marks.lost("u1", "t1", EVENT, null);

        assertEquals(Standing.LOST, otherServer.standing(token("u1", "t1", SECOND - 600)));
        assertEquals(Standing.LOST, otherServer.standing(token("u1", "t1", SECOND)), "the same second may precede it");
        assertEquals(Standing.ACCEPTED, otherServer.standing(token("u1", "t1", SECOND + 1)));
        assertEquals(Standing.ACCEPTED, otherServer.standing(token("u2", "t1", SECOND - 600)), "another user");
        assertTrue(revocations.refuses(token("u1", "t1", SECOND - 600)));
    }

    @Test
    void aRevokedAccessRefusesEveryTokenUntilItIsGivenBackAndNothingOlderAfter() {
        marks.lost("u1", "t1", EVENT, Block.ACCESS);
        assertEquals(Standing.LOST, marks.standing(token("u1", "t1", SECOND + 120)), "AuthVital keeps minting");

        marks.restored("u1", "t1", EVENT.plusSeconds(300), Block.ACCESS);

        assertEquals(Standing.LOST, marks.standing(token("u1", "t1", SECOND + 120)), "minted during the block");
        assertEquals(Standing.ACCEPTED, marks.standing(token("u1", "t1", SECOND + 300)), "from the grant's second on");
    }

    @Test
    void aLateOlderRevocationDoesNotBlockAgainAfterANewerGrantButKeepsItsCutOff() {
        marks.restored("u1", "t1", EVENT.plusSeconds(300), Block.ACCESS); // nothing was blocked: remembered all the same
        otherServer.lost("u1", "t1", EVENT, Block.ACCESS);

        assertEquals(Standing.ACCEPTED, marks.standing(token("u1", "t1", SECOND + 400)));
        assertEquals(Standing.LOST, marks.standing(token("u1", "t1", SECOND - 10)));
    }

    @Test
    void aLicenceBlockIsNotLiftedByAGrantOfTheApplication() {
        marks.lost("u1", "t1", EVENT, Block.LICENCE);
        marks.lost("u1", "t1", EVENT, Block.ACCESS);
        marks.restored("u1", "t1", EVENT.plusSeconds(60), Block.ACCESS);

        assertEquals(Standing.LOST, marks.standing(token("u1", "t1", SECOND + 120)));
    }

    @Test
    void aRoleChangeMakesOlderTokensStaleExceptOneARefreshAfterItMinted() {
        marks.rolesChanged("u1", "t1", EVENT);

        assertEquals(Standing.STALE, otherServer.standing(token("u1", "t1", SECOND - 5)));
        ValidatedToken sameSecond = token("u1", "t1", SECOND);
        assertEquals(Standing.STALE, otherServer.standing(sameSecond));
        assertEquals(SECOND, marks.staleSecond("u1", "t1"));

        marks.admit(sameSecond.token(), EVENT.plusSeconds(3600), marks.staleSecond("u1", "t1"));

        assertEquals(Standing.ACCEPTED, otherServer.standing(sameSecond));
        assertEquals(Standing.ACCEPTED, otherServer.standing(token("u1", "t1", SECOND + 1)));
        assertFalse(marks.refusesRefresh("u1", "t1", SECOND - 5), "a stale user's refresh token is used");
    }

    @Test
    void aTokenAdmittedAfterOneRoleChangeIsStaleAfterTheNext() {
        marks.rolesChanged("u1", "t1", EVENT);
        ValidatedToken admitted = token("u1", "t1", SECOND);
        marks.admit(admitted.token(), EVENT.plusSeconds(3600), SECOND);

        marks.rolesChanged("u1", "t1", EVENT.plusSeconds(600));

        assertEquals(Standing.STALE, otherServer.standing(admitted));
    }

    @Test
    void theSameRevocationAgainOrTwoServersAtOnceChangeNothingTwice() {
        marks.lost("u1", "t1", EVENT, Block.ACCESS);
        marks.restored("u1", "t1", EVENT.plusSeconds(60), Block.ACCESS);

        otherServer.lost("u1", "t1", EVENT, Block.ACCESS); // AuthVital's retry, or a duplicate on another server

        assertEquals(Standing.ACCEPTED, marks.standing(token("u1", "t1", SECOND + 60)));
    }

    @Test
    void aGrantAndALaterRevocationTakenInEitherOrderEndBlocked() {
        marks.lost("u1", "t1", EVENT.plusSeconds(60), Block.ACCESS);
        otherServer.restored("u1", "t1", EVENT, Block.ACCESS);
        marks.lost("u2", "t1", EVENT.plusSeconds(60), Block.ACCESS);
        otherServer.restored("u2", "t1", EVENT, Block.ACCESS);
        otherServer.restored("u3", "t1", EVENT, Block.ACCESS);
        marks.lost("u3", "t1", EVENT.plusSeconds(60), Block.ACCESS);

        for (String user : new String[] {"u1", "u2", "u3"}) {
            assertEquals(Standing.LOST, marks.standing(token(user, "t1", SECOND + 120)), user);
        }
    }

    @Test
    void aDeletedApplicationIsNotGivenBackByALateEnable() {
        marks.applicationDeleted(EVENT.plusSeconds(60));
        marks.applicationActive(true, EVENT);
        marks.applicationActive(true, EVENT.plusSeconds(3600));

        assertEquals(Standing.LOST, marks.standing(token("u1", "t1", SECOND + 7200)));
    }

    @Test
    void aRefreshTokenWithoutIatIsRefusedByABlockOnly() {
        marks.lost("u1", "t1", EVENT, null);
        marks.lost("u2", "t1", EVENT, Block.ACCESS);

        assertFalse(marks.refusesRefresh("u1", "t1", 0), "a cut-off cannot be compared; AuthVital refuses it itself");
        assertTrue(marks.refusesRefresh("u2", "t1", 0));
    }

    @Test
    void anotherTenantsEventLeavesThisTenantsTokensAndCutsTheTokensWithoutATenant() {
        marks.lost("u1", "t2", EVENT, Block.ACCESS);
        marks.rolesChanged("u1", "t2", EVENT);

        assertEquals(Standing.ACCEPTED, marks.standing(token("u1", "t1", SECOND - 5)));
        assertEquals(Standing.LOST, marks.standing(token("u1", null, SECOND - 5)));
        assertEquals(Standing.ACCEPTED, marks.standing(token("u1", null, SECOND + 5)), "a cut-off, never a block");
    }

    @Test
    void aLostUsersRefreshTokensOfBeforeAreRefusedAndTheSessionsOfBeforeAreGone() {
        marks.lost("u1", "t1", EVENT, null);

        assertTrue(marks.refusesRefresh("u1", "t1", SECOND - 3600));
        assertFalse(marks.refusesRefresh("u1", "t1", SECOND + 1));
        assertFalse(marks.refusesRefresh("u1", "t9", SECOND - 3600));
        assertEquals(Optional.of(Instant.ofEpochSecond(SECOND + 1)), marks.lostUntil("u1", "t1"));
    }

    @Test
    void aDeletedTenantAndADisabledApplicationRefuseEveryoneConcerned() {
        marks.tenantDeleted("t1");
        assertEquals(Standing.LOST, marks.standing(token("u1", "t1", SECOND + 60)));
        assertEquals(Standing.ACCEPTED, marks.standing(token("u1", "t2", SECOND + 60)));

        marks.applicationActive(false, EVENT);
        assertEquals(Standing.LOST, marks.standing(token("u1", "t2", SECOND + 60)));
        assertTrue(marks.refusesRefresh("u3", "t2", SECOND + 60));

        marks.applicationActive(true, EVENT.plusSeconds(120));
        assertEquals(Standing.ACCEPTED, marks.standing(token("u1", "t2", SECOND + 120)));
        assertEquals(Standing.LOST, marks.standing(token("u1", "t2", SECOND + 60)), "nothing older re-admitted");
    }

    @Test
    void aBlockOutlivesTheDenialsWeekAndACutOffLastsAsLongAsARefreshTokenOfBefore() {
        marks.lost("u1", "t1", EVENT, Block.ACCESS);
        marks.lost("u2", "t1", EVENT, null);

        clock.advance(Duration.ofDays(30));

        assertEquals(Standing.LOST, marks.standing(token("u1", "t1", SECOND + 60)), "until given back");
        assertFalse(marks.refusesRefresh("u2", "t1", SECOND - 60), "no refresh token of before lives a month");
    }
}
