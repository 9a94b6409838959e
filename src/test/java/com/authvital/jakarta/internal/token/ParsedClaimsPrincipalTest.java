package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A principal of the claims the token parser makes ({@link JwtParts}, nimbus's modifiable maps
 * and lists) cannot be changed all the way down. Here, beside the parser it needs; the
 * principal's other tests are in {@code com.authvital.jakarta.AuthVitalPrincipalTest}.
 */
class ParsedClaimsPrincipalTest {

    @Test
    void aPrincipalOfParsedClaimsKeepsThemUnchangeableAndSurvivesSerialization() throws Exception {
        String claims = "{\"sub\":\"u-7\",\"tenant_roles\":[\"admin\"],\"ext\":{\"tags\":[\"a\"]}}";
        String token = Base64URL.encode("{\"alg\":\"RS256\"}") + "." + Base64URL.encode(claims) + ".AAAA";
        Map<String, Object> parsed = JwtParts.parse(token, new HashMap<>()).claims();

        AuthVitalPrincipal p = new AuthVitalPrincipal(parsed);

        ((List<Object>) parsed.get("tenant_roles")).add("owner");
        assertFalse(p.hasRole("owner"), "the principal holds a copy");
        assertEquals(Map.of("sub", "u-7", "tenant_roles", List.of("admin"), "ext", Map.of("tags", List.of("a"))), p.claims());
        Map<?, ?> ext = (Map<?, ?>) p.claims().get("ext");
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) ext.get("tags")).add("b"));
        assertThrows(UnsupportedOperationException.class, () -> ((Map<Object, Object>) ext).put("k", "v"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) p.claims().get("tenant_roles")).add("owner"));
        assertThrows(UnsupportedOperationException.class, () -> p.claims().remove("sub"));
        AuthVitalPrincipal read = serializedAndRead(p);
        assertEquals(p, read);
        assertTrue(read.hasRole("admin"));
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
