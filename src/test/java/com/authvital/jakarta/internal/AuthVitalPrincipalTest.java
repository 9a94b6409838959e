package com.authvital.jakarta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AuthVitalPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthVitalPrincipalTest {

    @Test
    void exposesTheContractsClaims() {
        List<Object> roles = new ArrayList<>(List.of("admin", "member"));
        AuthVitalPrincipal p = new AuthVitalPrincipal(Map.of("sub", "u-1", "email", "ada@example.com",
                "tenant_id", "t-1", "tenant_subdomain", "acme", "tenant_roles", roles,
                "tenant_permissions", List.of("sessions:read"), "app_roles", List.of("editor"),
                "scope", "openid profile", "exp", 1_900_000_000L));

        assertEquals("u-1", p.getName());
        assertEquals(Optional.of("ada@example.com"), p.email());
        assertEquals(Optional.of("t-1"), p.tenantId());
        assertEquals(Optional.of("acme"), p.tenantSubdomain());
        assertEquals(Set.of("admin", "member"), p.tenantRoles());
        assertEquals(Set.of("sessions:read"), p.tenantPermissions());
        assertTrue(p.hasRole("admin") && p.hasRole("editor"));
        assertFalse(p.hasRole("owner"));
        assertEquals(Set.of("openid", "profile"), p.scopes());
        assertEquals(Instant.ofEpochSecond(1_900_000_000L), p.expiresAt());

        roles.add("owner");
        assertFalse(p.hasRole("owner"), "the claims are a copy");
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) p.claims().get("tenant_roles")).add("x"));
    }

    @Test
    void aTokenWithoutRolesHasNone() {
        AuthVitalPrincipal p = new AuthVitalPrincipal(Map.of("sub", "u-2"));
        assertEquals(Set.of(), p.tenantRoles());
        assertEquals(Optional.empty(), p.email());
        assertFalse(p.hasRole("admin"));
    }

    @Test
    void itsTextNamesTheUserOnly() {
        AuthVitalPrincipal p = new AuthVitalPrincipal(Map.of("sub", "u-3", "email", "secret@example.com"));
        assertEquals("AuthVitalPrincipal[sub=u-3, tenant=-]", p.toString());
    }
}
