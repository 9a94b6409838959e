package com.authvital.jakarta;

import com.authvital.jakarta.internal.FrozenClaims;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user of a request, from its validated AuthVital access token. {@link #getName()} is the
 * user id ({@code sub}). {@link AuthVitalFilter} hands it out as
 * {@code request.getUserPrincipal()}; CDI beans of the request can {@code @Inject} it.
 *
 * <pre>{@code
 * AuthVitalPrincipal user = (AuthVitalPrincipal) request.getUserPrincipal();
 * user.email();                     // Optional[ada@example.com]
 * user.tenantRoles().contains("admin");
 * }</pre>
 *
 * Holds the token's claims, never the token itself.
 */
public final class AuthVitalPrincipal implements Principal, Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> claims;

    /** @param claims the token's claims as JSON values (strings, numbers, lists, maps) */
    public AuthVitalPrincipal(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String)) {
            throw new IllegalArgumentException("an AuthVital principal needs a 'sub' claim");
        }
        // The module's own parser's claims are unmodifiable all the way down by construction.
        this.claims = claims instanceof FrozenClaims ? claims : freezeMap(claims);
    }

    /**
     * Claims may hold lists and maps that can still change: copy those, so that none can. Values
     * that are already unmodifiable JDK collections (what the module's own parser makes) are kept
     * as they are: {@code Map.copyOf} and {@code List.copyOf} return those without copying. Each
     * value is frozen once, and a copy is only started at the first value that needs one.
     */
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof Collection<?> items) {
            return freezeList(items);
        }
        return value;
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        var state = new Object() {
            Map<String, Object> copy; // null while every entry so far was its own frozen form
            int kept;
        };
        map.forEach((name, item) -> {
            Object frozen = item == null ? null : freeze(item);
            if (state.copy == null && (frozen == null || frozen != item || !(name instanceof String))) {
                state.copy = new HashMap<>();
                int index = 0;
                for (Map.Entry<?, ?> earlier : map.entrySet()) {
                    if (index++ == state.kept) {
                        break;
                    }
                    state.copy.put((String) earlier.getKey(), earlier.getValue());
                }
            }
            if (state.copy == null) {
                state.kept++;
            } else if (frozen != null) {
                state.copy.put(String.valueOf(name), frozen);
            }
        });
        @SuppressWarnings("unchecked") // every name was checked to be a String
        Map<String, Object> named = state.copy == null ? (Map<String, Object>) map : state.copy;
        return Map.copyOf(named);
    }

    private static List<?> freezeList(Collection<?> items) {
        List<Object> copy = null; // null while every item so far was its own frozen form
        int kept = 0;
        for (Object item : items) {
            Object frozen = item == null ? null : freeze(item);
            if (copy == null && (frozen == null || frozen != item)) {
                copy = new ArrayList<>();
                int index = 0;
                for (Object earlier : items) {
                    if (index++ == kept) {
                        break;
                    }
                    copy.add(earlier);
                }
            }
            if (copy == null) {
                kept++;
            } else if (frozen != null) {
                copy.add(frozen);
            }
        }
        return copy == null ? List.copyOf(items) : List.copyOf(copy);
    }

    /** A deserialized principal is checked and frozen like a new one: the stream may hold anything. */
    private Object readResolve() throws java.io.ObjectStreamException {
        try {
            return new AuthVitalPrincipal(claims);
        } catch (RuntimeException e) {
            throw new java.io.InvalidObjectException("not an AuthVital principal: " + e.getMessage());
        }
    }

    /** The user id: the token's {@code sub}. */
    @Override
    public String getName() {
        return (String) claims.get("sub");
    }

    public Optional<String> email() {
        return string("email");
    }

    public Optional<String> givenName() {
        return string("given_name");
    }

    public Optional<String> familyName() {
        return string("family_name");
    }

    /** The tenant of a tenant-scoped token. */
    public Optional<String> tenantId() {
        return string("tenant_id");
    }

    public Optional<String> tenantSubdomain() {
        return string("tenant_subdomain");
    }

    /** {@code tenant_roles}; empty when the token has none. */
    public Set<String> tenantRoles() {
        return strings("tenant_roles");
    }

    /** {@code tenant_permissions}; empty when the token has none. */
    public Set<String> tenantPermissions() {
        return strings("tenant_permissions");
    }

    /** {@code app_roles}; empty when the token has none. */
    public Set<String> appRoles() {
        return strings("app_roles");
    }

    /** The token's {@code scope}, split on spaces. */
    public Set<String> scopes() {
        // Set.copyOf, not Set.of: a scope the IdP names twice must count once, not throw
        return string("scope").filter(s -> !s.isBlank())
                .map(s -> Set.copyOf(Arrays.asList(s.trim().split("\\s+")))).orElse(Set.of());
    }

    /** Whether the user has {@code role} among the tenant's roles or the application's roles. */
    public boolean hasRole(String role) {
        return tenantRoles().contains(role) || appRoles().contains(role);
    }

    /** When the token expires. */
    public Instant expiresAt() {
        return claims.get("exp") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : Instant.MAX;
    }

    /** Every claim of the token, as JSON values. */
    public Map<String, Object> claims() {
        return claims;
    }

    private Optional<String> string(String name) {
        return claims.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private Set<String> strings(String name) {
        Object value = claims.get(name);
        if (!(value instanceof Collection<?> items)) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        items.forEach(item -> out.add(String.valueOf(item)));
        return Set.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthVitalPrincipal p && p.claims.equals(claims);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }

    @Override
    public String toString() {
        return "AuthVitalPrincipal[sub=" + getName() + ", tenant=" + tenantId().orElse("-") + "]";
    }
}
