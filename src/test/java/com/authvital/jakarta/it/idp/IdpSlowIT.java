package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An IdP slower than 'authvital.read-timeout' fails the call with IdpUnavailable 504 at the timeout, not when the IdP answers. */
@ExtendWith(ArquillianExtension.class)
class IdpSlowIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("idp-slow", Map.of("authvital.read-timeout", "1s"));
    }

    @Test
    void aSlowIdpTimesOutAfterTheReadTimeoutWith504() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 8000, null, null, null);
        HttpServletRequest request = Requests.bearer(current, user.accessToken());

        long start = System.nanoTime();
        IdpUnavailableException e = assertThrows(IdpUnavailableException.class, () -> sessions.list(request));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(504, e.getStatus());
        assertEquals(OptionalInt.empty(), e.getIdpStatus());
        assertEquals(List.of(), e.getIdpMessages());
        assertTrue(e.getMessage().contains("'authvital.read-timeout'"), e.getMessage());
        // Between the 1 s timeout and the stand-in's 8 s delay: it gave up at the timeout.
        assertTrue(took.toMillis() >= 900, "returned after " + took.toMillis() + " ms, before the timeout");
        assertTrue(took.toMillis() < 5000, "returned after " + took.toMillis() + " ms, not at the 1 s timeout");
    }
}
