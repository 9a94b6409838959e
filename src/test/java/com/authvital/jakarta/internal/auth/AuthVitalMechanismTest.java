package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.http.BearerChallenge;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.ServletFakes;
import com.authvital.testing.StandInClient;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.authvital.jakarta.internal.auth.AuthenticatorSetup.EVIL_ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Jakarta Security mechanism tells the container for each verdict, and what it answers on
 * a protected resource: the container's status, the caller it logs in, the response's status,
 * headers and cookies.
 */
class AuthVitalMechanismTest {

    private static StandInIdp idp;

    private AuthenticatorSetup setup;
    private StandInClient.NewSession user;
    private final ServletFakes.Recorded answer = new ServletFakes.Recorded();

    @BeforeAll
    static void start() {
        idp = StandInIdp.start(0, AuthenticatorSetup.CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @AfterEach
    void close() {
        setup.close();
    }

    /** What the fake context was told. */
    private static final class Container {
        final boolean isProtected;
        final Map<String, Object> messageInfo = new HashMap<>();
        final Subject subject = new Subject();
        Principal caller;
        Set<String> groups;
        boolean didNothing;

        Container(boolean isProtected) {
            this.isProtected = isProtected;
        }

        HttpMessageContext context() {
            MessageInfo info = (MessageInfo) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MessageInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getMap" -> messageInfo;
                        default -> throw new UnsupportedOperationException("the fake message info has no " + method.getName());
                    });
            return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpMessageContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isProtected" -> isProtected;
                        case "doNothing" -> {
                            didNothing = true;
                            yield AuthenticationStatus.NOT_DONE;
                        }
                        case "notifyContainerAboutLogin" -> {
                            if (!(args[0] instanceof Principal principal)) {
                                throw new UnsupportedOperationException("the fake logs in a Principal only");
                            }
                            caller = principal;
                            @SuppressWarnings("unchecked")
                            Set<String> named = (Set<String>) args[1];
                            groups = named;
                            yield AuthenticationStatus.SUCCESS;
                        }
                        case "getMessageInfo" -> info;
                        case "getClientSubject" -> subject;
                        default -> throw new UnsupportedOperationException("the fake context has no " + method.getName());
                    });
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuthVitalMechanism mechanism() {
        setup = new AuthenticatorSetup(idp);
        user = setup.dev.newUser();
        AuthVitalMechanism mechanism = new AuthVitalMechanism();
        mechanism.authenticator = setup.authenticator;
        mechanism.config = setup.config;
        return mechanism;
    }

    private AuthenticationStatus validate(AuthVitalMechanism mechanism, ServletFakes.RequestBuilder request,
                                          Container container) {
        return mechanism.validateRequest(request.build(), ServletFakes.response(answer), container.context());
    }

    @Test
    void aValidTokenLogsTheUserInWithTheirGroupsAndTheBearerAuthType() {
        AuthVitalMechanism mechanism = mechanism();
        Container container = new Container(false);

        AuthenticationStatus status = validate(mechanism, ServletFakes.to("GET", "/api/me")
                .header("Authorization", "Bearer " + user.accessToken()), container);

        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals(user.userId(), container.caller.getName());
        assertEquals(setup.validator.validate(user.accessToken()).principal().getGroups(), container.groups,
                "the token's groups are the container's");
        assertEquals("Bearer", container.messageInfo.get(AuthVitalMechanism.AUTH_TYPE_KEY));
        assertEquals(1, container.subject.getPrivateCredentials().size(), "Liberty's hashtable");
        assertEquals(200, answer.status);
    }

    @Test
    void openLibertyGetsTheTokensFingerprintAsItsCacheKeyAndNoLtpaToken() {
        AuthVitalMechanism mechanism = mechanism();
        Container container = new Container(true);

        validate(mechanism, ServletFakes.to("GET", "/api/me").header("Authorization", "Bearer " + user.accessToken()),
                container);

        Hashtable<?, ?> liberty = container.subject.getPrivateCredentials(Hashtable.class).iterator().next();
        String key = (String) liberty.get("com.ibm.wsspi.security.cred.cacheKey");
        String signature = user.accessToken().substring(user.accessToken().lastIndexOf('.') + 1);
        assertFalse(key.contains(signature), "no part of the token is a key in Liberty's cache");
        assertTrue(key.startsWith("authvital:") && key.endsWith(sha256("t:" + user.accessToken())), key);
        assertEquals(Boolean.TRUE, liberty.get("com.ibm.ws.authentication.internal.sso.disable.ltpa.cookie"));
        assertEquals(Boolean.TRUE, liberty.get("com.ibm.ws.authentication.internal.sso.disable.ltpa.cache"));
    }

    @Test
    void noTokenOnAnUnprotectedResourceDoesNothing() {
        AuthVitalMechanism mechanism = mechanism();
        Container container = new Container(false);

        AuthenticationStatus status = validate(mechanism, ServletFakes.to("GET", "/open"), container);

        assertEquals(AuthenticationStatus.NOT_DONE, status);
        assertTrue(container.didNothing);
        assertNull(container.caller);
        assertEquals(200, answer.status);
        assertNull(answer.header("WWW-Authenticate"));
    }

    @Test
    void aRefusedTokenOnAnUnprotectedResourceDoesNothingAndKeepsWhyForTheApplicationsOwn401() {
        AuthVitalMechanism mechanism = mechanism();
        Container container = new Container(false);
        HttpServletRequest request = ServletFakes.to("GET", "/rest/roles/admin")
                .header("Authorization", "Bearer not.a.token").build();

        AuthenticationStatus status = mechanism.validateRequest(request, ServletFakes.response(answer), container.context());

        assertEquals(AuthenticationStatus.NOT_DONE, status);
        assertNull(container.caller);
        assertEquals(200, answer.status, "the container does not protect it: the application decides");
        String challenge = BearerChallenge.header(BearerChallenge.refusal(request));
        assertTrue(challenge.startsWith("Bearer realm=\"authvital\", error=\"invalid_token\", error_description=\"AV1"),
                challenge);
        assertFalse(challenge.contains("not.a.token"), challenge);
    }

    @Test
    void noTokenOnAProtectedResourceAnswers401WithABareChallenge() {
        AuthVitalMechanism mechanism = mechanism();

        AuthenticationStatus status = validate(mechanism, ServletFakes.to("GET", "/api/me"), new Container(true));

        assertEquals(AuthenticationStatus.SEND_FAILURE, status);
        assertEquals(401, answer.status);
        assertEquals("Bearer realm=\"authvital\"", answer.header("WWW-Authenticate"));
        assertTrue(answer.body.toString().contains(Messages.noAccessToken("access_token")), answer.body.toString());
    }

    @Test
    void anExpiredTokenOnAProtectedResourceAnswers401WithInvalidToken() {
        AuthVitalMechanism mechanism = mechanism();

        AuthenticationStatus status = validate(mechanism, ServletFakes.to("GET", "/api/me").header("Authorization",
                "Bearer " + setup.accessTokenExpiringIn(user.userId(), Duration.ofMinutes(-5))), new Container(true));

        assertEquals(AuthenticationStatus.SEND_FAILURE, status);
        assertEquals(401, answer.status);
        assertTrue(answer.header("WWW-Authenticate").contains("error=\"invalid_token\""), answer.header("WWW-Authenticate"));
    }

    @Test
    void aCrossSiteCookiePostAnswers403OnAProtectedResourceAndNothingOnAnOpenOne() {
        AuthVitalMechanism mechanism = mechanism();
        ServletFakes.RequestBuilder forged = ServletFakes.to("POST", "/api/sessions/revoke-all")
                .header("Origin", EVIL_ORIGIN).cookie("access_token", user.accessToken());

        AuthenticationStatus open = validate(mechanism, forged, new Container(false));
        assertEquals(AuthenticationStatus.NOT_DONE, open, "anonymous: what it may do is the application's to say");
        assertEquals(200, answer.status);

        AuthenticationStatus guarded = validate(mechanism, forged, new Container(true));
        assertEquals(AuthenticationStatus.SEND_FAILURE, guarded);
        assertEquals(403, answer.status);
        assertTrue(answer.body.toString().contains("\"error\":\"forbidden\""), answer.body.toString());
        assertEquals(List.of(), setup.refreshes.calls());
    }

    @Test
    void anExpiringCookieIsRefreshedOnceTheCookiesSetAndTheUserLoggedIn() {
        AuthVitalMechanism mechanism = mechanism();
        setup.refreshes.answer(session -> setup.newTokens(user.userId(), session));
        Container container = new Container(true);

        AuthenticationStatus status = validate(mechanism, ServletFakes.to("GET", "/api/me")
                .cookie("access_token", setup.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()), container);

        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals(user.userId(), container.caller.getName());
        assertEquals(List.of(user.sessionId()), setup.refreshes.calls());
        List<String> cookies = answer.headers("Set-Cookie");
        assertEquals(2, cookies.size(), cookies.toString());
        assertTrue(cookies.get(0).startsWith("access_token=ey") && cookies.get(1).startsWith("refresh_token=ey"),
                "both new cookies");
    }

    @Test
    void aRefusedRefreshClearsTheCookiesEvenOnAnOpenResource() {
        AuthVitalMechanism mechanism = mechanism();
        setup.refreshes.fail(new NotAuthenticatedException(401, List.of("Session revoked"),
                Messages.idpRefusedRefresh("(Session revoked)")));

        AuthenticationStatus status = validate(mechanism, ServletFakes.to("GET", "/open")
                .cookie("refresh_token", user.refreshToken()), new Container(false));

        assertEquals(AuthenticationStatus.NOT_DONE, status);
        List<String> cookies = answer.headers("Set-Cookie");
        assertEquals(2, cookies.size(), cookies.toString());
        assertTrue(cookies.get(0).startsWith("access_token=; Max-Age=0") && cookies.get(1).startsWith("refresh_token=; Max-Age=0"),
                cookies.toString());
    }

    @Test
    void anIdpOutageWithoutAValidTokenAnswers503OnAProtectedResourceAndNothingOnAnOpenOne() {
        AuthVitalMechanism mechanism = mechanism();
        setup.refreshes.fail(new IdpUnavailableException(503, null, List.of(), "AV1201E: test outage", null));
        ServletFakes.RequestBuilder request = ServletFakes.to("GET", "/api/me").cookie("refresh_token", user.refreshToken());

        assertEquals(AuthenticationStatus.NOT_DONE, validate(mechanism, request, new Container(false)));
        assertEquals(200, answer.status);

        assertEquals(AuthenticationStatus.SEND_FAILURE, validate(mechanism, request, new Container(true)));
        assertEquals(503, answer.status);
        assertEquals("5", answer.header("Retry-After"));
        assertEquals(List.of(), answer.headers("Set-Cookie"));
    }

    @Test
    void anIdpOutageWithAStillValidTokenLogsTheUserIn() {
        AuthVitalMechanism mechanism = mechanism();
        setup.refreshes.fail(new IdpUnavailableException(503, null, List.of(), "AV1201E: test outage", null));
        Container container = new Container(true);

        AuthenticationStatus status = validate(mechanism, ServletFakes.to("GET", "/api/me")
                .cookie("access_token", setup.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()), container);

        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals(user.userId(), container.caller.getName());
        assertEquals(List.of(), answer.headers("Set-Cookie"));
    }
}
