package com.authvital.jakarta.internal.flow;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.Revocations;
import com.authvital.jakarta.internal.session.SessionEnds;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.token.TokenExtractor;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.ServletFakes;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logout without a container: the cookies cleared with the configured attributes whatever the
 * IdP does, a live session revoked at the IdP once, a made-up token answered without a call, JSON
 * for a client asking for it and a 303 for a browser. The tokens are the stand-in IdP's (on
 * loopback), validated for real; the IdP's logout is the stand-in's too, through a recording call.
 */
class LogoutFlowTest {

    private static final String CLIENT_ID = "logout-flow-test-app";
    /** How the configured cookies are cleared: the attributes of the settings below. */
    private static final String CLEARED = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/app; "
            + "Domain=example.com; HttpOnly; SameSite=Strict";

    private static StandInIdp idp;
    private static StandInClient dev;

    private final AuthVitalConfig config = AuthVitalConfig.load(key -> Optional.ofNullable(Map.of(
            ConfigKeys.HOST, idp.baseUrl(), ConfigKeys.CLIENT_ID, CLIENT_ID,
            ConfigKeys.ACCESS_TOKEN_COOKIE, "av_at", ConfigKeys.REFRESH_TOKEN_COOKIE, "av_rt",
            ConfigKeys.COOKIE_PATH, "/app", ConfigKeys.COOKIE_DOMAIN, "example.com",
            ConfigKeys.COOKIE_SECURE, "false", ConfigKeys.COOKIE_SAME_SITE, "Strict").get(key)));
    private final Revocations revocations = new Revocations(new InMemoryStore(), Clock.systemUTC(), Duration.ofSeconds(30));
    private final TokenValidator validator = new TokenValidator(config, Clock.systemUTC(), revocations);
    private final SessionEnds ends = new SessionEnds(validator, revocations, List.of(CLIENT_ID), Clock.systemUTC());

    /** The refresh tokens the IdP was asked to log out, in order. */
    private final List<String> idpCalls = new ArrayList<>();

    @BeforeAll
    static void start() {
        idp = StandInIdp.start(0, CLIENT_ID);
        dev = StandInClient.at(idp.baseUrl());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @AfterEach
    void close() {
        validator.close();
    }

    /** The stand-in's {@code POST /oauth/logout}, as IdpClient makes it, each call recorded. */
    private RevokeResult standInLogout(String refreshToken) {
        idpCalls.add(refreshToken);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(idp.baseUrl() + "/oauth/logout")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                            .add("refresh_token", refreshToken).build().toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
            return new RevokeResult(body.getBoolean("success"), body.getString("message"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IdP that cannot be reached, as IdpClient reports it. */
    private RevokeResult idpDown(String refreshToken) {
        idpCalls.add(refreshToken);
        throw new IdpUnavailableException(503, null, List.of(),
                Messages.idpUnreachable("POST /oauth/logout", "http://127.0.0.1:9", "Connection refused"), null);
    }

    private LogoutFlow.Endpoint endpoint(LogoutFlow.IdpLogout idpLogout) {
        return new LogoutFlow(config, idpLogout, new CookieWriter(config.cookies()),
                new TokenExtractor(config.cookies().accessTokenName(), config.cookies().refreshTokenName()), ends)
                .endpoint(name -> null);
    }

    /** A same-origin POST to the logout with the refresh token cookie {@code av_rt} and these headers. */
    private static HttpServletRequest logout(String refreshToken, String... headers) {
        List<String> all = new ArrayList<>(List.of("Origin", "http://app.example.com"));
        all.addAll(List.of(headers));
        return new HttpServletRequestWrapper(ServletFakes.request(Map.of(),
                List.of(new Cookie("av_rt", refreshToken)), all.toArray(String[]::new))) {
            @Override
            public String getMethod() {
                return "POST";
            }
        };
    }

    private static ServletFakes.Recorded run(LogoutFlow.Endpoint endpoint, HttpServletRequest request) throws Exception {
        ServletFakes.Recorded recorded = new ServletFakes.Recorded();
        endpoint.service(request, ServletFakes.response(recorded));
        return recorded;
    }

    private static JsonObject json(ServletFakes.Recorded recorded) {
        return Json.createReader(new StringReader(recorded.body.toString())).readObject();
    }

    @Test
    void aLiveSessionIsRevokedAtTheIdpOnceAndBothCookiesAreClearedWithTheConfiguredAttributes() throws Exception {
        StandInClient.NewSession user = dev.newUser();

        ServletFakes.Recorded out = run(endpoint(this::standInLogout), logout(user.refreshToken(),
                "Accept", "application/json"));

        assertEquals(List.of(user.refreshToken()), idpCalls);
        assertTrue(dev.isRevoked(user.sessionId()));
        assertEquals(List.of("av_at" + CLEARED, "av_rt" + CLEARED), out.headers("Set-Cookie"));
        assertEquals("no-store", out.header("Cache-Control"));
        JsonObject idpAnswer = json(out).getJsonObject("idp");
        assertTrue(json(out).getBoolean("success"));
        assertTrue(idpAnswer.getBoolean("called") && idpAnswer.getBoolean("reached") && idpAnswer.getBoolean("success"),
                out.body.toString());
    }

    /** A replay of the same logout: the session has ended here, so the IdP is not asked again. */
    @Test
    void aSecondLogoutOfTheSameTokenCostsNoIdpCall() throws Exception {
        StandInClient.NewSession user = dev.newUser();
        LogoutFlow.Endpoint endpoint = endpoint(this::standInLogout);

        run(endpoint, logout(user.refreshToken(), "Accept", "application/json"));
        ServletFakes.Recorded again = run(endpoint, logout(user.refreshToken(), "Accept", "application/json"));

        assertEquals(List.of(user.refreshToken()), idpCalls);
        assertFalse(json(again).getJsonObject("idp").getBoolean("called"));
        assertEquals(List.of("av_at" + CLEARED, "av_rt" + CLEARED), again.headers("Set-Cookie"));
    }

    @Test
    void aMadeUpTokenCostsNoIdpCallAndStillClearsTheCookies() throws Exception {
        ServletFakes.Recorded out = run(endpoint(this::standInLogout), logout("made.up.token",
                "Accept", "application/json"));

        assertEquals(List.of(), idpCalls);
        assertEquals(200, out.status);
        assertFalse(json(out).getJsonObject("idp").getBoolean("called"), out.body.toString());
        assertEquals(List.of("av_at" + CLEARED, "av_rt" + CLEARED), out.headers("Set-Cookie"));
    }

    @Test
    void aBrowserIsSentOnWithA303AndNoBody() throws Exception {
        StandInClient.NewSession user = dev.newUser();

        ServletFakes.Recorded out = run(endpoint(this::standInLogout), logout(user.refreshToken(),
                "Accept", "text/html,application/xhtml+xml,*/*"));

        assertEquals(303, out.status);
        assertEquals("/app/", out.header("Location"));
        assertEquals("", out.body.toString());
        assertEquals(List.of("av_at" + CLEARED, "av_rt" + CLEARED), out.headers("Set-Cookie"));
        assertEquals(List.of(user.refreshToken()), idpCalls);
    }

    @Test
    void anUnreachableIdpStillLogsTheBrowserOutAndSaysTheIdpWasNotReached() throws Exception {
        StandInClient.NewSession user = dev.newUser();

        ServletFakes.Recorded out = run(endpoint(this::idpDown), logout(user.refreshToken(),
                "Accept", "application/json"));

        assertEquals(200, out.status);
        assertEquals(List.of("av_at" + CLEARED, "av_rt" + CLEARED), out.headers("Set-Cookie"));
        JsonObject idpAnswer = json(out).getJsonObject("idp");
        assertTrue(json(out).getBoolean("success"));
        assertTrue(idpAnswer.getBoolean("called"));
        assertFalse(idpAnswer.getBoolean("reached"));
        assertTrue(idpAnswer.getString("message").startsWith("AV1303E: "), out.body.toString());
        assertFalse(out.body.toString().contains("127.0.0.1:9"), "the IdP's address is the operator's");
        assertTrue(revocations.deniesSession(user.sessionId()), "this server refuses the session all the same");
    }

    /** Whatever the IdP call throws, an Error included (no REST client feature), the browser is logged out. */
    @Test
    void anErrorFromTheIdpCallStillClearsTheCookies() throws Exception {
        StandInClient.NewSession user = dev.newUser();

        ServletFakes.Recorded out = run(endpoint(token -> {
            throw new NoClassDefFoundError("org/eclipse/microprofile/rest/client/RestClientBuilder");
        }), logout(user.refreshToken(), "Accept", "application/json"));

        assertEquals(200, out.status);
        assertEquals(List.of("av_at" + CLEARED, "av_rt" + CLEARED), out.headers("Set-Cookie"));
        assertFalse(json(out).getJsonObject("idp").getBoolean("reached"));
        assertFalse(out.body.toString().contains("RestClientBuilder"), out.body.toString());
    }
}
