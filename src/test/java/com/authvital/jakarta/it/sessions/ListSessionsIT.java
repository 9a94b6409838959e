package com.authvital.jakarta.it.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionList;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** list() returns the caller's live sessions from the IdP, newest first, optionally for one application. */
@ExtendWith(ArquillianExtension.class)
class ListSessionsIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("list-sessions");
    }

    @Test
    void listsTheCallersSessionsNewestFirstWithEveryField() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        NewSession oldest = idp.session(Map.of("createdAt", now.minus(3, ChronoUnit.DAYS),
                "userAgent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", "ipAddress", "203.0.113.7",
                "tenant", "acme"));
        String user = oldest.userId();
        NewSession newest = idp.session(Map.of("userId", user, "createdAt", now.minus(1, ChronoUnit.HOURS)));
        NewSession middle = idp.session(Map.of("userId", user, "createdAt", now.minus(1, ChronoUnit.DAYS)));
        idp.newUser(); // someone else's session is not listed

        SessionList list = sessions.list(Requests.bearer(current, newest.accessToken()));

        assertEquals(3, list.count());
        assertEquals(List.of(newest.sessionId(), middle.sessionId(), oldest.sessionId()),
                list.sessions().stream().map(Session::id).toList());
        Session first = list.sessions().get(2);
        assertEquals(now.minus(3, ChronoUnit.DAYS), first.createdAt());
        assertEquals(now.minus(3, ChronoUnit.DAYS).plus(7, ChronoUnit.DAYS), first.expiresAt());
        assertEquals("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", first.userAgent());
        assertEquals("203.0.113.7", first.ipAddress());
        assertEquals("acme", first.tenant());
        Session bare = list.sessions().get(0);
        assertNull(bare.userAgent());
        assertNull(bare.ipAddress());
        assertNull(bare.tenant());
    }

    @Test
    void listsOnlyTheGivenApplicationsSessions() {
        NewSession mine = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        NewSession other = idp.session(Map.of("userId", mine.userId(), "applicationId", "billing-app"));

        SessionList billing = sessions.list(Requests.bearer(current, mine.accessToken()), "billing-app");
        SessionList all = sessions.list(Requests.bearer(current, mine.accessToken()));

        assertEquals(List.of(other.sessionId()), billing.sessions().stream().map(Session::id).toList());
        assertEquals(1, billing.count());
        assertEquals(2, all.count());
    }

    @Test
    void sendsTheAccessTokenCookieAsBearerWhenThereIsNoHeader() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        SessionList list = sessions.list(Requests.cookie(current, "access_token", user.accessToken()));

        assertEquals(List.of(user.sessionId()), list.sessions().stream().map(Session::id).toList());
        var received = idp.requestsAfter(before);
        assertEquals(1, received.size());
        assertEquals(true, received.get(0).getBoolean("authorization"));
        assertEquals(user.userId(), received.get(0).getString("userId"));
    }
}
