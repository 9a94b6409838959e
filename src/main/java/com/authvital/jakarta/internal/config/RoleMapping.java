package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.internal.message.ConfigKeys;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which claims of an access token become the caller's groups (the roles of {@code @RolesAllowed},
 * {@code isUserInRole}, {@code JsonWebToken.getGroups()}), each with its own prefix so that an
 * application can tell them apart ({@code app:admin} from the tenant's {@code admin}). By default
 * {@code tenant_roles} and {@code app_roles}, unprefixed.
 */
public final class RoleMapping {

    /** The claims that may become groups, in the contract's names. */
    static final List<String> CLAIMS = List.of("tenant_roles", "app_roles", "tenant_permissions");

    /**
     * One claim that becomes groups.
     *
     * @param claim  {@code tenant_roles}, {@code app_roles} or {@code tenant_permissions}
     * @param prefix put before each of its values, e.g. {@code app:}; empty for none
     */
    record Source(String claim, String prefix) {
    }

    /** {@code tenant_roles} and {@code app_roles} as they are. */
    public static final RoleMapping DEFAULT = new RoleMapping(List.of(new Source("tenant_roles", ""),
            new Source("app_roles", "")));

    private final List<Source> sources;

    RoleMapping(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The groups these claims give; strings only, in the sources' order. */
    public Set<String> groups(Map<String, Object> claims) {
        Set<String> groups = new LinkedHashSet<>();
        for (Source source : sources) {
            if (claims.get(source.claim()) instanceof Collection<?> values) {
                for (Object value : values) {
                    if (value instanceof String name && !name.isBlank()) {
                        groups.add(source.prefix() + name);
                    }
                }
            }
        }
        return Set.copyOf(groups);
    }

    /** Reads {@code authvital.roles.*}; a bad value is a problem of {@code r}. */
    static RoleMapping read(ConfigReader r) {
        List<String> claims = r.list(ConfigKeys.ROLES_CLAIMS);
        if (claims.isEmpty()) {
            claims = List.of("tenant_roles", "app_roles");
        }
        List<Source> sources = new java.util.ArrayList<>();
        for (String claim : claims) {
            if (!CLAIMS.contains(claim)) {
                r.problem("'" + ConfigKeys.ROLES_CLAIMS + "' names '" + claim + "': the claims that can be roles are "
                        + String.join(", ", CLAIMS));
                continue;
            }
            String key = ConfigKeys.rolesPrefix(claim);
            sources.add(new Source(claim, r.lookup(key).orElse("")));
        }
        return new RoleMapping(sources);
    }

    @Override
    public String toString() {
        return "RoleMapping" + sources;
    }
}
