package com.authvital.jakarta.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * What the {@code RolesAllowed*IT} send: a token of a new user with some application roles
 * (mapped as {@code app:…}), or none; and what they expect of a {@code @RolesAllowed("app:admin")}
 * bean method: 200 with the role, 403 (AV1009) without it, 401 (AV1010) without a caller.
 */
final class RoleCalls {

    private final URL app;
    private final StandInClient idp = Deployments.standIn();

    RoleCalls(URL app) {
        this.app = app;
    }

    /** A token of a new user in tenant acme, a member, with these application roles. */
    String token(String... appRoles) {
        return idp.mint(Map.of("claims", Map.of("tenant_subdomain", "acme", "tenant_roles", List.of("member"),
                "app_roles", List.of(appRoles))));
    }

    HttpResponse<String> get(String path, String token) {
        return token == null ? new TestHttp(app).get(path, "Accept", "application/json")
                : new TestHttp(app).get(path, "Accept", "application/json", "Authorization", "Bearer " + token);
    }

    /** {@code path} answers 200 and {@code body} to an admin, 403 AV1009 to a member, 401 AV1010 to no one. */
    void assertAdminOnly(String path, String body) {
        HttpResponse<String> admin = get(path, token("admin"));
        HttpResponse<String> member = get(path, token("editor"));
        HttpResponse<String> nobody = get(path, null);

        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals(body, admin.body());
        assertEquals(403, member.statusCode(), member.body());
        assertTrue(member.body().startsWith("AV1009E: ") && member.body().contains("app:admin"), member.body());
        assertEquals(401, nobody.statusCode(), nobody.body());
        assertTrue(nobody.body().startsWith("AV1010E: "), nobody.body());
    }

    /** The JAX-RS resource's {@code @RolesAllowed("app:admin")} method: 200 to an admin, 403 to a member, 401 to no one. */
    void assertResourceAdminOnly(String path) {
        HttpResponse<String> admin = get(path, token("admin"));
        HttpResponse<String> member = get(path, token("editor"));
        HttpResponse<String> nobody = get(path, null);

        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals(403, member.statusCode(), member.body());
        assertEquals(401, nobody.statusCode(), nobody.body());
    }
}
