package com.authvital.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    /** A scope named twice is harmless: it counts once, not a 500. */
    @Test
    void aRepeatedScopeCountsOnce() {
        AuthVitalPrincipal p = new AuthVitalPrincipal(Map.of("sub", "u-9", "scope", " read  write read "));

        assertEquals(Set.of("read", "write"), p.scopes());
        assertEquals(Set.of(), new AuthVitalPrincipal(Map.of("sub", "u-9", "scope", "  ")).scopes());
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

    @Test
    void copiesMutableValuesWhereverTheyAreAndLeavesNullsOut() {
        List<Object> inner = new ArrayList<>(List.of("a"));
        Map<String, Object> nested = new HashMap<>(Map.of("inner", inner));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "u-4");
        claims.put("frozen", List.of("x")); // before the first value that needs a copy
        claims.put("nested", List.of(nested)); // unmodifiable list, mutable map inside
        claims.put("set", new LinkedHashSet<>(List.of("s")));
        claims.put("nothing", null);
        claims.put("after", "y");
        List<Object> withNull = new ArrayList<>(Arrays.asList("kept", null));
        claims.put("withNull", withNull);

        AuthVitalPrincipal p = new AuthVitalPrincipal(claims);
        inner.add("b");
        nested.put("later", "z");
        claims.put("after", "changed");

        assertEquals(Map.of("sub", "u-4", "frozen", List.of("x"), "nested", List.of(Map.of("inner", List.of("a"))),
                "set", List.of("s"), "after", "y", "withNull", List.of("kept")), p.claims());
        Map<?, ?> copied = (Map<?, ?>) ((List<?>) p.claims().get("nested")).get(0);
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) copied.get("inner")).add("c"));
        assertThrows(UnsupportedOperationException.class, () -> p.claims().put("x", "y"));
    }

    @Test
    void copiesMutableValuesNestedDeep() {
        Map<String, Object> deepest = new HashMap<>(Map.of("leaf", new ArrayList<>(List.of("v"))));
        Map<String, Object> value = deepest;
        for (int i = 0; i < 32; i++) {
            value = new HashMap<>(Map.of("level", value, "other", new ArrayList<>(List.of(i))));
        }

        AuthVitalPrincipal p = new AuthVitalPrincipal(Map.of("sub", "u-5", "deep", value));
        ((List<Object>) deepest.get("leaf")).add("w");

        Object reached = p.claims().get("deep");
        for (int i = 0; i < 32; i++) {
            reached = ((Map<?, ?>) reached).get("level");
        }
        assertEquals(Map.of("leaf", List.of("v")), reached);
    }

    @Test
    void survivesSerializationUnchangeable() throws Exception {
        AuthVitalPrincipal p = new AuthVitalPrincipal(Map.of("sub", "u-6", "tenant_roles", List.of("admin")));

        AuthVitalPrincipal read = serializedAndRead(p);

        assertEquals(p, read);
        assertTrue(read.hasRole("admin"));
        assertThrows(UnsupportedOperationException.class, () -> read.claims().put("x", "y"));
    }

    @Test
    void equalPrincipalsHashAlikeBeforeAndAfterSerialization() throws Exception {
        AuthVitalPrincipal p = new AuthVitalPrincipal(Map.of("sub", "u-7", "tenant_roles", List.of("admin")));
        int first = p.hashCode();

        assertEquals(first, p.hashCode());
        assertEquals(first, new AuthVitalPrincipal(Map.of("sub", "u-7", "tenant_roles", List.of("admin"))).hashCode());
        assertEquals(first, serializedAndRead(p).hashCode());
        assertEquals(p.claims().hashCode(), first);
    }

    private static AuthVitalPrincipal serializedAndRead(AuthVitalPrincipal p) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (AuthVitalPrincipal) in.readObject();
        }
    }
}
