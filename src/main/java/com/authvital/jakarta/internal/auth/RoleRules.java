package com.authvital.jakarta.internal.auth;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may call a method of a bean class, by Jakarta Annotations 2.1: {@code @DenyAll},
 * {@code @PermitAll} and {@code @RolesAllowed} on the method win over the same on its class
 * (each annotation's own definition); a class's annotation covers the methods that class
 * declares, never those a superclass declares, and an overridden method's annotations count no
 * more (§2.1, inheritance of annotations; the Enterprise Beans spec's {@code SomeClass} and
 * {@code MyBean} example). So a method a bean inherits keeps its superclass's rule. Decided for
 * each bean class at deployment by {@code AuthVitalExtension}; the interceptor reads the decision.
 */
public final class RoleRules {

    private RoleRules() {
    }

    /**
     * What a method asks of its caller.
     *
     * @param denyAll whether no one may call it
     * @param roles   the roles one of which the caller needs; empty with {@code denyAll}, or for anyone
     */
    public record Rule(boolean denyAll, List<String> roles) {

        /** Anyone, signed in or not: no annotation, or {@code @PermitAll}. */
        static final Rule OPEN = new Rule(false, List.of());

        /** No one: {@code @DenyAll}. */
        static final Rule DENY = new Rule(true, List.of());

        public Rule {
            roles = List.copyOf(roles);
        }

        /** Whether the caller is checked at all. */
        public boolean checked() {
            return denyAll || !roles.isEmpty();
        }
    }

    /**
     * The rule of {@code method} called on an instance of {@code beanClass}: that of the
     * declaration {@code beanClass} runs, the nearest one up its superclasses.
     */
    public static Rule forCall(Class<?> beanClass, Method method) {
        return of(runs(beanClass, method));
    }

    /** The rule of this declaration: its own annotation, else its declaring class's, else open. */
    static Rule of(Method declaration) {
        return annotated(declaration).or(() -> annotated(declaration.getDeclaringClass())).orElse(Rule.OPEN);
    }

    /**
     * {@code @DenyAll}, {@code @RolesAllowed}, {@code @PermitAll} on one element. The spec forbids
     * two of them together; should it happen, the stricter wins.
     */
    private static Optional<Rule> annotated(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Optional.of(Rule.DENY);
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            // @RolesAllowed({}) lets no role through: no one, as @DenyAll.
            return Optional.of(allowed.value().length == 0 ? Rule.DENY : new Rule(false, Arrays.asList(allowed.value())));
        }
        return element.isAnnotationPresent(PermitAll.class) ? Optional.of(Rule.OPEN) : Optional.empty();
    }

    /** The declaration of {@code method} that an instance of {@code beanClass} runs. */
    private static Method runs(Class<?> beanClass, Method method) {
        if (Modifier.isPrivate(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            return method; // neither overridden nor inherited
        }
        for (Class<?> c = beanClass; c != null && c != method.getDeclaringClass(); c = c.getSuperclass()) {
            try {
                Method declared = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (!declared.isBridge() && !Modifier.isPrivate(declared.getModifiers())
                        && !Modifier.isStatic(declared.getModifiers())) {
                    return declared;
                }
            } catch (NoSuchMethodException e) {
                // not declared here: look further up
            }
        }
        return method;
    }
}
