package com.authvital.jakarta.it.roles;

import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.jakarta.it.roles.secured.AdminService;
import com.authvital.jakarta.it.roles.secured.AdminServiceServlet;
import com.authvital.jakarta.it.roles.secured.ConstrainedServlet;
import com.authvital.jakarta.it.roles.secured.GuardedServlet;
import com.authvital.jakarta.it.roles.secured.RolesResource;
import com.authvital.jakarta.it.roles.secured.SecuredApplication;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code authvital.jakarta-security.enabled=true} the container knows the caller: JAX-RS
 * {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}, {@code @ServletSecurity}, a
 * {@code web.xml} constraint, both {@code SecurityContext}s and {@code @Inject JsonWebToken}
 * answer for the token's user and its mapped groups ({@code app_roles} as {@code app:…}).
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(RefreshFixtures.NoTokenRateLimit.class)
@RunAsClient
class JakartaSecurityIT {

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>constrained</web-resource-name>
                  <url-pattern>/constrained/*</url-pattern>
                </web-resource-collection>
                <auth-constraint>
                  <role-name>member</role-name>
                </auth-constraint>
              </security-constraint>
              <security-role>
                <role-name>member</role-name>
              </security-role>
              <security-role>
                <role-name>app:admin</role-name>
              </security-role>
            </web-app>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("jakarta-security", Map.of(
                        "authvital.jakarta-security.enabled", "true",
                        "authvital.roles.prefix.app-roles", "app:",
                        "authvital.cookie.secure", "false"),
                SecuredApplication.class, RolesResource.class, GuardedServlet.class, ConstrainedServlet.class,
                AdminService.class, AdminServiceServlet.class)
                .setWebXML(new StringAsset(WEB_XML));
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    /** A token of a new user in tenant acme, a member, with these application roles. */
    private String token(String... appRoles) {
        return idp.mint(Map.of("claims", Map.of("tenant_subdomain", "acme", "tenant_roles", List.of("member"),
                "app_roles", List.of(appRoles), "department", "research")));
    }

    private HttpResponse<String> get(String path, String token) {
        return token == null ? new TestHttp(app).get(path, "Accept", "application/json")
                : new TestHttp(app).get(path, "Accept", "application/json", "Authorization", "Bearer " + token);
    }

    @Test
    void rolesAllowedLetsTheRoleThroughAndRefusesAValidTokenWithoutIt() {
        assertEquals(200, get("rest/roles/admin", token("admin")).statusCode());
        assertEquals(403, get("rest/roles/admin", token("editor")).statusCode());
    }

    @Test
    void rolesAllowedWithoutATokenIs401WithTheBearerChallenge() {
        HttpResponse<String> none = get("rest/roles/admin", null);

        assertEquals(401, none.statusCode(), none.body());
        assertEquals("Bearer realm=\"authvital\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void rolesAllowedWithABadTokenIs401() {
        HttpResponse<String> bad = get("rest/roles/admin", "not.a.token");

        assertEquals(401, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void permitAllAndDenyAllDoAsTheySay() {
        assertEquals(200, get("rest/roles/open", null).statusCode());
        assertEquals("anonymous", json(get("rest/roles/open", null)).getString("user"));
        assertEquals(403, get("rest/roles/never", token("admin")).statusCode());
    }

    @Test
    void servletSecurityAndAWebXmlConstraintSeeTheCallersGroups() {
        String admin = token("admin");
        assertEquals(200, get("guarded", admin).statusCode());
        assertEquals(403, get("guarded", token()).statusCode());
        assertEquals(401, get("guarded", null).statusCode());
        HttpResponse<String> member = get("constrained/page", token());
        assertEquals(200, member.statusCode(), member.body());
    }

    @Test
    void aRolesAllowedBeanMethodCalledFromAnUnprotectedServletChecksTheCallersRoles() {
        HttpResponse<String> admin = get("service", token("admin"));
        HttpResponse<String> editor = get("service", token("editor"));
        HttpResponse<String> nobody = get("service", null);

        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals("purged Bearer", admin.body(), "the bean ran, and the auth type is the bearer token's");
        assertEquals(403, editor.statusCode());
        assertTrue(editor.body().startsWith("AV1009E: ") && editor.body().contains("app:admin"), editor.body());
        assertEquals(401, nobody.statusCode());
        assertTrue(nobody.body().startsWith("AV1010E: "), nobody.body());
    }

    @Test
    void bothSecurityContextsAndTheInjectedJsonWebTokenKnowTheCaller() {
        String admin = token("admin");
        String user = subjectOf(admin);

        JsonObject who = json(get("rest/roles/whoami", admin));

        assertEquals(user, who.getString("jaxrsUser"));
        assertTrue(who.getBoolean("jaxrsAdmin"));
        assertEquals(user, who.getString("callerPrincipal"));
        assertTrue(who.getBoolean("callerAdmin"));
        assertTrue(who.getBoolean("callerMember"));
        assertEquals(user, who.getString("jwtName"));
        assertEquals(List.of("app:admin", "member"), who.getJsonArray("jwtGroups").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("research", who.getString("jwtDepartment"));
        assertTrue(who.getBoolean("jwtRawToken"));
    }

    @Test
    void anExpiredAccessCookieWithAValidRefreshCookieIsRefreshedOnARolesAllowedResource() {
        // A tenant's member: the stand-in's refreshed tokens carry tenant_roles ["member"].
        StandInClient.NewSession user = idp.session(Map.of("applicationId", Deployments.CLIENT_ID, "tenant", "acme"));
        String expired = RefreshFixtures.expiredAccessToken(idp, user.userId());

        HttpResponse<String> admin = new TestHttp(app).get("rest/roles/member", "Accept", "application/json",
                "Cookie", RefreshFixtures.cookies(expired, user.refreshToken()));

        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals(user.userId(), json(admin).getString("user"));
        Map<String, com.authvital.testing.SetCookies.SetCookie> rotated = RefreshFixtures.tokenCookies(admin);
        assertEquals(2, rotated.size(), rotated.toString());
        assertFalse(rotated.get("refresh_token").value().equals(user.refreshToken()));
        assertEquals(1, idp.tokenStats(user.userId()).getInt("refreshes"));
    }

    @Test
    void anAnonymousCallerGetsAnEmptyJsonWebTokenNotNull() {
        JsonObject who = json(get("rest/roles/whoami", null));

        assertEquals("anonymous", who.getString("callerPrincipal"));
        assertFalse(who.getBoolean("callerAdmin"));
        assertEquals("null", who.getString("jwtName"));
        assertEquals(0, who.getJsonArray("jwtGroups").size());
        assertFalse(who.getBoolean("jwtRawToken"));
    }

    /** The {@code sub} of a token the test minted, read without verifying it. */
    private static String subjectOf(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject().getString("sub");
    }
}
