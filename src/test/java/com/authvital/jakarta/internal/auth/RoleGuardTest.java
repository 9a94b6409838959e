package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.message.ConfigKeys;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a caller of a {@code @RolesAllowed} or {@code @DenyAll} bean method gets, under each wiring. */
class RoleGuardTest {

    private static final RoleRules.Rule ADMIN = new RoleRules.Rule(false, List.of("app:admin", "owner"));

    private static AuthVitalPrincipal user(String... groups) {
        return new AuthVitalPrincipal(Map.of("sub", "u-1"), null, Set.of(groups));
    }

    @Test
    void aCallerInOneOfTheRolesGoesOn() {
        new RoleGuard(false).check(ADMIN, "S.m", user("owner")::hasRole, () -> true);
        new RoleGuard(true).check(ADMIN, "S.m", user("app:admin")::hasRole, () -> false);
    }

    @Test
    void aCallerInNoneOfTheRolesGets403NamingThem() {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> new RoleGuard(false).check(ADMIN, "S.m", user("member")::hasRole, () -> true));

        assertEquals(403, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1009E: ") && e.getMessage().contains("app:admin, owner"), e.getMessage());
    }

    @Test
    void noCallerGets401WhenTheFilterOrTheMechanismCouldHaveEstablishedOne() {
        NotAuthenticatedException filter = assertThrows(NotAuthenticatedException.class,
                () -> new RoleGuard(false).check(ADMIN, "S.m", null, () -> true));
        NotAuthenticatedException mechanism = assertThrows(NotAuthenticatedException.class,
                () -> new RoleGuard(true).check(ADMIN, "S.m", null, () -> false));

        assertEquals(401, filter.getStatus());
        assertTrue(filter.getMessage().startsWith("AV1010E: "), filter.getMessage());
        assertTrue(mechanism.getMessage().startsWith("AV1010E: "), mechanism.getMessage());
    }

    @Test
    void withNeitherFilterNorMechanismEveryCallIs401NamingTheSettings() {
        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> new RoleGuard(false).check(ADMIN, "S.m", null, () -> false));

        assertEquals(401, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV0007W: ") && e.getMessage().contains(ConfigKeys.JAKARTA_SECURITY)
                && e.getMessage().contains(ConfigKeys.FILTER_URL_PATTERNS), e.getMessage());
    }

    @Test
    void aCallerTheContainerKnowsFromAnAuthenticationOfTheApplicationsOwnIsCheckedByItsRoles() {
        new RoleGuard(false).check(ADMIN, "S.m", Set.of("owner")::contains, () -> false);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> new RoleGuard(false).check(ADMIN, "S.m", Set.of("member")::contains, () -> false));

        assertTrue(e.getMessage().startsWith("AV1009E: "), e.getMessage());
    }

    @Test
    void denyAllRefusesEveryoneWith403() {
        AccessDeniedException admin = assertThrows(AccessDeniedException.class,
                () -> new RoleGuard(true).check(RoleRules.Rule.DENY, "S.m", user("app:admin")::hasRole, () -> true));
        AccessDeniedException nobody = assertThrows(AccessDeniedException.class,
                () -> new RoleGuard(true).check(RoleRules.Rule.DENY, "S.m", null, () -> true));

        assertTrue(admin.getMessage().startsWith("AV1009E: ") && admin.getMessage().contains("@DenyAll"), admin.getMessage());
        assertEquals(403, nobody.getStatus());
    }

    @Test
    void anOpenMethodIsNotChecked() {
        new RoleGuard(false).check(RoleRules.Rule.OPEN, "S.m", null, () -> false);
    }
}
