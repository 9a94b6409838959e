package com.authvital.jakarta;

import com.authvital.jakarta.internal.config.RoleMapping;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
 * Holds the token's claims, and the token itself only for {@link #getRawToken()}: never serialized
 * and never in {@link #toString()}. It is MicroProfile JWT's {@link JsonWebToken} too.
 */
public final class AuthVitalPrincipal implements JsonWebToken, Serializable {

    private static final long serialVersionUID = 2L;

    private final Map<String, Object> claims;
    private final Set<String> groups;
    /** For {@link #getRawToken()}; never serialized, never shown. */
    private final transient String rawToken;
    /**
     * The claims' hash once computed (0 before): a container hashes the caller's credentials,
     * this principal among them, several times a request (Open Liberty's JASPI bridge).
     */
    private transient int hash;

    /**
     * A principal with the default groups ({@code tenant_roles} and {@code app_roles}) and no raw token.
     *
     * @param claims the token's claims as JSON values (strings, numbers, lists, maps)
     */
    public AuthVitalPrincipal(Map<String, Object> claims) {
        this(claims, null, null);
    }

    /**
     * @param claims   the token's claims as JSON values (strings, numbers, lists, maps)
     * @param rawToken the token, for {@link #getRawToken()}; may be null
     * @param groups   the caller's groups as the application maps them; null for the default mapping
     */
    public AuthVitalPrincipal(Map<String, Object> claims, String rawToken, Set<String> groups) {
        if (!(claims.get("sub") instanceof String)) {
            throw new IllegalArgumentException("an AuthVital principal needs a 'sub' claim");
        }
        this.claims = freezeMap(claims);
        this.rawToken = rawToken;
        this.groups = groups == null ? RoleMapping.DEFAULT.groups(this.claims) : Set.copyOf(groups);
    }

    /**
     * A copy that nothing can change: lists (any collection) and maps copied all the way down,
     * JSON nulls left out. Claims nest a level or two, and the validator refuses deeper ones.
     */
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof Collection<?> items) {
            Object[] copy = new Object[items.size()];
            int size = 0;
            for (Object item : items) {
                if (item != null) {
                    copy[size++] = freeze(item);
                }
            }
            return List.of(size == copy.length ? copy : Arrays.copyOf(copy, size));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        // Straight into Map.ofEntries: a HashMap on the way costs as much again.
        Map.Entry<String, Object>[] copy = new Map.Entry[map.size()];
        int size = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() != null) {
                copy[size++] = Map.entry(String.valueOf(entry.getKey()), freeze(entry.getValue()));
            }
        }
        return Map.ofEntries(size == copy.length ? copy : Arrays.copyOf(copy, size));
    }

    /** A deserialized principal is checked and frozen like a new one: the stream may hold anything. */
    private Object readResolve() throws java.io.ObjectStreamException {
        try {
            return new AuthVitalPrincipal(claims, null, groups);
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

    /**
     * Whether {@code role} is one of the caller's groups: by default the tenant's roles and the
     * application's roles, else as {@code authvital.roles.*} maps them (with their prefixes).
     */
    public boolean hasRole(String role) {
        return groups.contains(role);
    }

    /** The caller's groups (roles), as {@link #hasRole} sees them. */
    @Override
    public Set<String> getGroups() {
        return groups;
    }

    /** The token itself, for code that passes it on; null when the principal was made without it or deserialized. */
    @Override
    public String getRawToken() {
        return rawToken;
    }

    @Override
    public String getIssuer() {
        return string("iss").orElse(null);
    }

    @Override
    public String getSubject() {
        return getName();
    }

    /** {@code aud}, a string or strings in the token, as a set. */
    @Override
    public Set<String> getAudience() {
        Object aud = claims.get("aud");
        return aud instanceof String one ? Set.of(one) : strings("aud").isEmpty() ? null : strings("aud");
    }

    @Override
    public long getExpirationTime() {
        return claims.get("exp") instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public long getIssuedAtTime() {
        return claims.get("iat") instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public String getTokenID() {
        return string("jti").orElse(null);
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    /**
     * A claim as MicroProfile JWT names them: {@code raw_token}, {@code groups} and {@code aud}
     * as that API types them, the others as JSON values.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) switch (claimName) {
            case "raw_token" -> rawToken;
            case "groups" -> groups;
            case "aud" -> getAudience();
            default -> claims.get(claimName);
        };
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
        int h = hash;
        if (h == 0) {
            h = claims.hashCode(); // immutable: the same every time, and racing threads write the same value
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "AuthVitalPrincipal[sub=" + getName() + ", tenant=" + tenantId().orElse("-") + "]";
    }
}
