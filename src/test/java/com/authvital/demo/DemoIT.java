package com.authvital.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.testing.TestHttp.json;

import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo WAR on Open Liberty serves the SDK page's Complete Example to a signed-in browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("authvital-demo", Deployments.idp().baseUrl());
    }

    private static final String CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @ArquillianResource
    URL demo;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    private static final String EVIL = "https://evil.example";

    private final StandInClient idp = Deployments.standIn();

    /** {@code method path} with this client's cookies and these headers (name, value…). */
    private HttpResponse<String> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo.toString()).resolve(path))
                .header("User-Agent", CHROME_ON_LINUX)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a browser sends with a fetch from the demo's own page. */
    private String[] fromTheDemosPage() {
        return new String[] {"Origin", demo.getProtocol() + "://" + demo.getHost() + ":" + demo.getPort(),
            "Sec-Fetch-Site", "same-origin"};
    }

    private List<String> sessionIds() throws IOException, InterruptedException {
        return json(send("GET", "api/sessions")).getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("id")).toList();
    }

    /** The demo's sign-in, the stand-in's form as the Demo User (a new one, with two older devices), the callback. */
    private void signIn() throws IOException, InterruptedException {
        signInAs("demo");
    }

    /** The sign-in as the stand-in page's {@code demo} or {@code second} user. */
    private void signInAs(String decision) throws IOException, InterruptedException {
        idp.resetDemoUser();
        HttpResponse<String> start = send("GET", "login", "Accept", "text/html");
        assertEquals(302, start.statusCode(), start.body());
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        String form = authorize.getRawQuery() + "&decision=" + decision;
        HttpResponse<String> decided = browser.send(HttpRequest.newBuilder(authorize.resolve("/oauth/authorize/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, decided.statusCode(), decided.body());
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(
                        decided.headers().firstValue("Location").orElseThrow())).header("User-Agent", CHROME_ON_LINUX).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, back.statusCode(), back.body());
    }

    @BeforeEach
    void noTokenRateLimit() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 0).build());
    }

    @AfterEach
    void contractLimitAgain() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 30).build());
        idp.resetRateLimits();
    }

    @Test
    void aSignedInBrowserSeesItsThreeDevicesNewestFirstWithThisOneMarked() throws Exception {
        signIn();

        HttpResponse<String> response = send("GET", "api/sessions");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(3, body.getInt("total"));
        List<JsonObject> sessions = body.getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals("Chrome 131 on Linux", sessions.get(0).getString("device"));
        assertEquals(List.of(true, false, false), sessions.stream().map(s -> s.getBoolean("current")).toList());
        assertEquals(List.of("Chrome 131 on Linux", "Mobile Safari 18 on iOS", "Firefox 133 on Linux"),
                sessions.stream().map(s -> s.getString("device")).toList());
        assertEquals(true, sessions.get(1).getBoolean("mobile"));
        assertTrue(sessions.get(0).getString("lastActive").compareTo(sessions.get(1).getString("lastActive")) > 0);
        assertTrue(sessions.get(1).getString("lastActive").compareTo(sessions.get(2).getString("lastActive")) > 0);
    }

    @Test
    void theDemoUserIsAnAdministratorToJakartaSecurityAndTheSecondUserIsNot() throws Exception {
        signInAs("demo");
        JsonObject me = json(send("GET", "api/me"));
        assertEquals("Demo User", me.getString("name"));
        assertEquals(true, me.getBoolean("admin"));
        assertEquals(200, send("GET", "api/admin").statusCode());

        cookies.getCookieStore().removeAll();
        signInAs("second");
        assertEquals(false, json(send("GET", "api/me")).getBoolean("admin"));
        assertEquals(403, send("GET", "api/admin").statusCode(), "@RolesAllowed(\"app:admin\")");
    }

    @Test
    void signingOutOtherDevicesKeepsThisOne() throws Exception {
        signIn();

        HttpResponse<String> others = send("POST", "api/sign-out-others");

        assertEquals(200, others.statusCode(), others.body());
        assertEquals("Signed out of 2 other devices", json(others).getString("message"));
        List<JsonObject> left = json(send("GET", "api/sessions")).getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals(1, left.size());
        assertEquals(true, left.get(0).getBoolean("current"));
    }

    @Test
    void revokingADeviceRemovesItFromTheList() throws Exception {
        signIn();
        String oldest = json(send("GET", "api/sessions")).getJsonArray("sessions").getJsonObject(2).getString("id");

        HttpResponse<String> revoke = send("POST", "api/sessions/" + oldest + "/revoke");

        assertEquals(200, revoke.statusCode());
        assertEquals("Session revoked successfully", json(revoke).getString("message"));
        assertEquals(2, json(send("GET", "api/sessions")).getInt("total"));
    }

    @Test
    void loggingOutEverywhereSaysHowManyDevicesAndLogsThisBrowserOutToo() throws Exception {
        signIn();

        HttpResponse<String> all = send("POST", "api/logout-all");

        assertEquals(200, all.statusCode());
        assertEquals("Logged out of 3 devices", json(all).getString("message"));
        assertEquals(List.of(), cookieNames());
        assertEquals(401, send("GET", "api/sessions").statusCode());
    }

    @Test
    void loggingOutDropsBothCookiesAndTheApiThenAnswers401() throws Exception {
        signIn();
        assertEquals(List.of("access_token", "refresh_token"), cookieNames());

        HttpResponse<String> logout = send("POST", "api/logout");

        assertEquals(200, logout.statusCode(), logout.body());
        assertEquals(true, json(logout).getBoolean("success"));
        assertEquals("Session revoked successfully", json(logout).getJsonObject("idp").getString("message"));
        assertEquals(List.of(), cookieNames());
        HttpResponse<String> after = send("GET", "api/sessions");
        assertEquals(401, after.statusCode());
        assertEquals("invalid_token", json(after).getString("error"));
    }

    /** The cookies the jar holds for the demo's path; the stand-in's own, on another port of the host, left out. */
    private List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> demo.getPath().startsWith(c.getPath() == null ? "/" : c.getPath()))
                .filter(c -> !c.getName().equals("idp_session")).map(HttpCookie::getName).sorted().toList();
    }

    @Test
    void aCrossSiteCookiePostCannotRevokeADevice() throws Exception {
        signIn();
        List<String> ids = sessionIds();

        HttpResponse<String> revoke = send("POST", "api/sessions/" + ids.get(2) + "/revoke",
                "Origin", EVIL, "Sec-Fetch-Site", "cross-site");

        assertEquals(403, revoke.statusCode(), revoke.body());
        assertEquals("forbidden", json(revoke).getString("error"), revoke.body());
        assertFalse(idp.isRevoked(ids.get(2)));
        assertEquals(ids, sessionIds(), "the IdP still lists every device");
    }

    @Test
    void aCrossSiteCookiePostCannotLogOutEverywhere() throws Exception {
        signIn();
        List<String> ids = sessionIds();

        HttpResponse<String> all = send("POST", "api/logout-all", "Origin", EVIL, "Sec-Fetch-Site", "cross-site");

        assertEquals(403, all.statusCode(), all.body());
        assertEquals("forbidden", json(all).getString("error"), all.body());
        assertEquals(List.of(false, false, false), ids.stream().map(idp::isRevoked).toList());
        assertEquals(ids, sessionIds(), "the IdP still lists every device");
        assertEquals(List.of("access_token", "refresh_token"), cookieNames());
    }

    @Test
    void aCookiePostFromTheDemosOwnPageRevokesADevice() throws Exception {
        signIn();
        List<String> ids = sessionIds();

        HttpResponse<String> revoke = send("POST", "api/sessions/" + ids.get(2) + "/revoke", fromTheDemosPage());

        assertEquals(200, revoke.statusCode(), revoke.body());
        assertTrue(idp.isRevoked(ids.get(2)));
        assertEquals(ids.subList(0, 2), sessionIds());
    }

    @Test
    void aCookiePostFromTheDemosOwnPageLogsOutEverywhere() throws Exception {
        signIn();
        List<String> ids = sessionIds();

        HttpResponse<String> all = send("POST", "api/logout-all", fromTheDemosPage());

        assertEquals(200, all.statusCode(), all.body());
        assertEquals("Logged out of 3 devices", json(all).getString("message"));
        assertEquals(List.of(true, true, true), ids.stream().map(idp::isRevoked).toList());
    }

    @Test
    void aBearerHeaderPostWorksFromAnyOrigin() throws Exception {
        signIn();
        List<String> ids = sessionIds();
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("access_token")).findFirst().orElseThrow().getValue();

        // Another client, without this browser's cookies: only the header authenticates it.
        HttpResponse<String> revoke = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(demo.toString()).resolve("api/sessions/" + ids.get(1) + "/revoke"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, revoke.statusCode(), revoke.body());
        assertTrue(idp.isRevoked(ids.get(1)));
    }
}
