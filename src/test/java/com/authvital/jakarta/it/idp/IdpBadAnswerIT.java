package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import java.util.List;
import java.util.OptionalInt;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An IdP answer that is a 5xx or not the IdP's JSON (a proxy's HTML page) is IdpUnavailable, with the IdP's status and message when it gave them. */
@ExtendWith(ArquillianExtension.class)
class IdpBadAnswerIT extends InContainerTest {

    private static final String PROXY_PAGE = "<html><body><h1>502 Bad Gateway</h1></body></html>";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("idp-bad-answer");
    }

    @Test
    void aProxysHtml502PageIsUnavailableAndSaidNotToBeJson() {
        // Faults are per user: a fresh user keeps this answer to this test.
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 502, "text/html", PROXY_PAGE);

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> sessions.list(Requests.bearer(current, user.accessToken())));

        assertEquals(502, e.getStatus());
        assertEquals(OptionalInt.of(502), e.getIdpStatus());
        assertEquals(List.of(), e.getIdpMessages());
        assertTrue(e.getMessage().contains("not its JSON"), e.getMessage());
    }

    @Test
    void anHtmlPageWithStatus200IsUnavailable() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 200, "text/html", PROXY_PAGE);

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> sessions.list(Requests.bearer(current, user.accessToken())));

        assertEquals(502, e.getStatus());
        assertEquals(List.of(), e.getIdpMessages());
        assertTrue(e.getMessage().contains("not the JSON it should be"), e.getMessage());
    }

    @Test
    void aNestJs500IsUnavailableWithTheIdpsMessage() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 500, "application/json; charset=utf-8",
                "{\"statusCode\":500,\"message\":\"Internal server error\"}");

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> sessions.revokeAll(Requests.bearer(current, user.accessToken())));

        assertEquals(502, e.getStatus());
        assertEquals(OptionalInt.of(500), e.getIdpStatus());
        assertEquals(List.of("Internal server error"), e.getIdpMessages());
        assertTrue(e.getMessage().contains("Internal server error"), e.getMessage());
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    /** An answer over 1 MiB is refused as it is read, not read whole first, even when it is valid JSON. */
    @Test
    void anAnswerOverOneMebibyteIsUnavailable() {
        NewSession user = idp.newUser();
        String list = "{\"sessions\":[],\"count\":0}";
        idp.paddedFault(user.userId(), 200, "application/json", list, 2 * 1024 * 1024);

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> sessions.list(Requests.bearer(current, user.accessToken())));

        assertEquals(502, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1209E: "), e.getMessage());
    }

    @Test
    void anEmpty200AnswerIsUnavailable() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 200, "application/json", "");

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> sessions.list(Requests.bearer(current, user.accessToken())));

        assertEquals(502, e.getStatus());
        assertEquals(List.of(), e.getIdpMessages());
    }

    @Test
    void aJsonAnswerWithoutTheContractsFieldsIsUnavailable() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 200, "application/json", "{}");

        IdpUnavailableException list = assertThrows(IdpUnavailableException.class,
                () -> sessions.list(Requests.bearer(current, user.accessToken())));
        IdpUnavailableException revoke = assertThrows(IdpUnavailableException.class,
                () -> sessions.revoke(Requests.bearer(current, user.accessToken()), user.sessionId()));

        assertEquals(502, list.getStatus());
        assertEquals(502, revoke.getStatus());
        assertTrue(list.getMessage().contains("not the JSON it should be"), list.getMessage());
    }
}
