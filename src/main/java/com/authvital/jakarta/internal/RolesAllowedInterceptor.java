package com.authvital.jakarta.internal;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.NotAuthenticatedException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * {@code @RolesAllowed} on CDI beans, which Liberty enforces only on EJBs: the caller, as Jakarta
 * Security knows it, must be in one of the roles. In a bean that carries {@code @RolesAllowed}
 * (on the class or a method), a method's {@code @PermitAll} or {@code @DenyAll} wins over the
 * class's roles; a bean with {@code @DenyAll} alone is not intercepted. An interceptor only when the module's Jakarta
 * Security mechanism is enabled ({@link AuthVitalExtension} makes it one).
 */
public class RolesAllowedInterceptor {

    @Inject
    SecurityContext security;

    /** The class's {@code @RolesAllowed}, from the bean's own class up (a container subclass and inherited methods too). */
    private static RolesAllowed onClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(RolesAllowed.class)) {
                return c.getAnnotation(RolesAllowed.class);
            }
        }
        return null;
    }

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return invocation.proceed();
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            throw new AccessDeniedException(null, List.of(), Messages.roleMissing(method.getName(), List.of()));
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : onClass(invocation.getTarget().getClass());
        if (allowed == null) {
            return invocation.proceed(); // the class says @PermitAll, or nothing this method needs
        }
        if (security.getCallerPrincipal() == null) {
            throw new NotAuthenticatedException(null, List.of(), Messages.roleWithoutCaller(method.getName()));
        }
        if (Arrays.stream(allowed.value()).noneMatch(security::isCallerInRole)) {
            throw new AccessDeniedException(null, List.of(),
                    Messages.roleMissing(method.getName(), Arrays.asList(allowed.value())));
        }
        return invocation.proceed();
    }
}
