package com.authvital.jakarta.internal.auth;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jakarta Annotations' rules for {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll}:
 * the method's over its class's, a class's only over the methods it declares, an overriding
 * method's alone; the Enterprise Beans spec's {@code SomeClass}/{@code MyBean} example among them.
 */
class RoleRulesTest {

    @RolesAllowed("admin")
    static class SomeClass {
        public void aMethod() {
        }

        public void bMethod() {
        }

        @PermitAll
        public void open() {
        }

        @DenyAll
        public void never() {
        }
    }

    static class MyBean extends SomeClass {
        @Override
        @RolesAllowed("HR")
        public void aMethod() {
        }

        public void cMethod() {
        }

        @Override
        public void never() {
        }
    }

    @DenyAll
    static class Closed {
        public void shut() {
        }

        @RolesAllowed({"a", "b"})
        public void ajar() {
        }

        @PermitAll
        public void open() {
        }

        @RolesAllowed({})
        public void noRole() {
        }
    }

    static class Plain {
        @RolesAllowed("x")
        protected void guarded() {
        }
    }

    static class PlainChild extends Plain {
    }

    private static RoleRules.Rule rule(Class<?> bean, Class<?> declaring, String method) throws Exception {
        return RoleRules.forCall(bean, declaring.getDeclaredMethod(method));
    }

    private static RoleRules.Rule roles(String... roles) {
        return new RoleRules.Rule(false, List.of(roles));
    }

    @Test
    void aMethodsRolesWinOverItsClasss() throws Exception {
        assertEquals(roles("HR"), rule(MyBean.class, MyBean.class, "aMethod"));
        assertEquals(roles("a", "b"), rule(Closed.class, Closed.class, "ajar"));
    }

    @Test
    void anInheritedMethodKeepsItsSuperclasssClassLevelRoles() throws Exception {
        assertEquals(roles("admin"), rule(MyBean.class, SomeClass.class, "bMethod"));
    }

    @Test
    void aSuperclasssClassLevelRolesDoNotReachAMethodTheSubclassDeclares() throws Exception {
        assertEquals(RoleRules.Rule.OPEN, rule(MyBean.class, MyBean.class, "cMethod"));
    }

    @Test
    void anOverridingMethodDropsTheOverriddenOnesAnnotationsButKeepsItsClasss() throws Exception {
        // MyBean has no class-level annotation: never() is open in MyBean, and the superclass's
        // declaration counts no more even when asked about it.
        assertEquals(RoleRules.Rule.OPEN, rule(MyBean.class, MyBean.class, "never"));
        assertEquals(RoleRules.Rule.OPEN, rule(MyBean.class, SomeClass.class, "never"));
        assertEquals(roles("HR"), rule(MyBean.class, SomeClass.class, "aMethod"));
    }

    @Test
    void anInheritedMethodKeepsItsOwnRoles() throws Exception {
        assertEquals(roles("x"), rule(PlainChild.class, Plain.class, "guarded"));
    }

    @Test
    void aClassLevelDenyAllClosesEveryMethodWithoutAnAnnotationOfItsOwn() throws Exception {
        assertEquals(RoleRules.Rule.DENY, rule(Closed.class, Closed.class, "shut"));
        assertEquals(RoleRules.Rule.OPEN, rule(Closed.class, Closed.class, "open"));
        assertEquals(RoleRules.Rule.DENY, rule(SomeClass.class, SomeClass.class, "never"));
    }

    @Test
    void rolesAllowedWithNoRoleLetsNoOneThrough() throws Exception {
        assertEquals(RoleRules.Rule.DENY, rule(Closed.class, Closed.class, "noRole"));
    }

    @Test
    void onlyDenyAllAndRolesAreChecked() {
        assertEquals(false, RoleRules.Rule.OPEN.checked());
        assertEquals(true, RoleRules.Rule.DENY.checked());
        assertEquals(true, roles("a").checked());
    }
}
