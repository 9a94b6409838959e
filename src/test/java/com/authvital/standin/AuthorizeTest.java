package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /oauth/authorize} and its sign-in page, driven over plain HTTP: the page, the
 * redirect back with a code or {@code access_denied}, the refusals, the tenant and the users.
 */
class AuthorizeTest {

    private static final String CALLBACK = "http://127.0.0.1:9080/app/callback";

    @RegisterExtension
    static final RunningStandIn standIn = new RunningStandIn();

    private static String subject(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
    }

    /** The page offers both users and Deny, in a form that carries the request back to the IdP. */
    @Test
    void pageOffersTwoUsersAndDenyInAFormCarryingTheRequest() {
        StandInSignIn flow = new StandInSignIn(standIn.http(), "test-app", CALLBACK);

        IdpHttp.Answer page = flow.page();

        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.contentType());
        String html = page.body();
        assertTrue(html.contains("<form method=\"post\" action=\"/oauth/authorize/login\">"), html);
        assertTrue(html.contains("name=\"decision\" value=\"demo\">Sign in as Demo User</button>"), html);
        assertTrue(html.contains("name=\"decision\" value=\"second\">Sign in as Second User</button>"), html);
        assertTrue(html.contains("name=\"decision\" value=\"deny\">Deny</button>"), html);
        flow.parameters().forEach((name, value) -> assertTrue(
                html.contains("<input type=\"hidden\" name=\"" + name + "\" value=\"" + value + "\">"), name));
    }

    /** Signing in answers 302 to the redirect URI with code, state and session_state, and sets idp_session. */
    @Test
    void signInRedirectsBackWithCodeStateAndSessionState() {
        StandInSignIn flow = new StandInSignIn(standIn.http(), "test-app", CALLBACK);

        IdpHttp.Answer answer = flow.decide("demo");

        assertEquals(302, answer.status(), answer.body());
        String location = IdpHttp.location(answer);
        assertTrue(location.matches(Pattern.quote(CALLBACK + "?code=") + "[\\w-]{43}"
                + Pattern.quote("&state=" + flow.state + "&session_state=") + "[\\w-]+"), location);
        assertTrue(answer.cookies().stream().anyMatch(c -> c.matches("idp_session=[\\w-]+; Path=/; HttpOnly; SameSite=Lax")),
                answer.cookies().toString());
    }

    /** Deny answers 302 with error=access_denied and the state, and no code. */
    @Test
    void denyRedirectsBackWithAccessDenied() {
        StandInSignIn flow = new StandInSignIn(standIn.http(), "test-app", CALLBACK);

        IdpHttp.Answer answer = flow.decide("deny");

        assertEquals(302, answer.status(), answer.body());
        assertEquals(CALLBACK + "?error=access_denied&state=" + flow.state, IdpHttp.location(answer));
        assertEquals(List.of(), answer.cookies());
    }

    /** Every invalid request gets a 400 HTML page naming the problem, on the page and on the form, never a redirect. */
    @Test
    void invalidRequestsGetA400PageAndNoRedirect() {
        String unregistered = "redirect_uri is not registered for this client";
        List<List<String>> cases = List.of(
                List.of("client_id", "no-such-app", "Unknown client_id"),
                List.of("redirect_uri", "", "Missing redirect_uri"),
                List.of("redirect_uri", "https://evil.example/cb", unregistered),
                List.of("redirect_uri", "/relative/cb", unregistered),
                List.of("redirect_uri", "http://127.0.0.1.evil.example/cb", unregistered),
                List.of("redirect_uri", "javascript:alert(1)", unregistered),
                List.of("response_type", "token", "Unsupported response_type: only code is supported"),
                List.of("code_challenge", "", "PKCE is required: missing code_challenge"),
                List.of("code_challenge_method", "plain", "Only code_challenge_method=S256 is supported"),
                List.of("scope", "openid admin", "Unsupported scope: admin"));

        for (List<String> refused : cases) {
            String message = refused.get(2);
            Map<String, String> params = new StandInSignIn(standIn.http(), "test-app", CALLBACK).parameters();
            params.put(refused.get(0), refused.get(1));
            IdpHttp.Answer page = standIn.http().send("GET", "/oauth/authorize?" + StandInSignIn.encode(params), null);
            params.put("decision", "demo");
            IdpHttp.Answer form = standIn.http().form("/oauth/authorize/login", StandInSignIn.encode(params));

            for (IdpHttp.Answer answer : List.of(page, form)) {
                assertEquals(400, answer.status(), message);
                assertEquals("text/html; charset=utf-8", answer.contentType(), message);
                assertTrue(answer.body().contains(Pages.escape(message)), answer.body());
                assertTrue(answer.headers().firstValue("Location").isEmpty(), message);
            }
        }
    }

    /** A redirect URI on a tenant's sub-domain signs in to that tenant; a plain loopback host to none. */
    @Test
    void theTenantComesFromTheRedirectUrisSubDomain() throws Exception {
        JsonObject acme = new StandInSignIn(standIn.http(), "test-app", "http://acme.localhost:9080/app/callback").signIn("second");
        JsonObject plain = new StandInSignIn(standIn.http(), "test-app", CALLBACK).signIn("second");

        var acmeClaims = SignedJWT.parse(acme.getString("access_token")).getJWTClaimsSet();
        assertEquals("acme", acmeClaims.getStringClaim("tenant_subdomain"));
        assertEquals(List.of("member"), acmeClaims.getStringListClaim("tenant_roles"));
        assertNull(SignedJWT.parse(plain.getString("access_token")).getJWTClaimsSet().getClaim("tenant_subdomain"));
        JsonObject listed = standIn.http().bearer("GET", "/oauth/sessions", acme.getString("access_token"), null).json();
        List<String> tenants = listed.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .map(s -> s.isNull("tenant") ? null : s.getString("tenant")).collect(Collectors.toList());
        assertTrue(tenants.contains("acme") && tenants.contains(null), tenants.toString());
    }

    /** Each user keeps one id across sign-ins, the two users differ, and the Demo User has two older devices. */
    @Test
    void usersAreStableAcrossSignInsAndTheDemoUserHasOlderDevices() throws Exception {
        try (StandInIdp own = StandInIdp.start(0, "test-app")) {
            IdpHttp client = new IdpHttp(own);
            JsonObject first = new StandInSignIn(client, "test-app", CALLBACK).signIn("demo");
            JsonObject again = new StandInSignIn(client, "test-app", CALLBACK).signIn("demo");
            JsonObject second = new StandInSignIn(client, "test-app", CALLBACK).signIn("second");

            String demoId = subject(first.getString("access_token"));
            assertEquals(demoId, subject(again.getString("access_token")));
            assertNotEquals(demoId, subject(second.getString("access_token")));
            assertEquals(demoId, client.send("GET", "/dev/demo-users", null).json().getJsonObject("demo").getString("id"));
            List<JsonObject> sessions = client.bearer("GET", "/oauth/sessions", again.getString("access_token"), null)
                    .json().getJsonArray("sessions").getValuesAs(JsonObject.class);
            assertEquals(4, sessions.size(), sessions.toString());
            assertEquals(2, sessions.stream().filter(s -> s.isNull("userAgent")).count(), "the two sign-ins");
            assertFalse(sessions.get(3).isNull("userAgent"), "the oldest is a seeded device");
            assertEquals(1, client.bearer("GET", "/oauth/sessions", second.getString("access_token"), null)
                    .json().getInt("count"));
        }
    }
}
