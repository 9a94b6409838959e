package com.authvital.jakarta.internal;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.NotAuthenticatedException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Method;
import java.util.List;

/**
 * {@code @RolesAllowed} and {@code @DenyAll} on CDI beans, which Liberty enforces only on EJBs:
 * the caller, as Jakarta Security knows it, must be in one of the roles. Bound by
 * {@link AuthVitalExtension} to each method that {@link RoleRules} finds covered; reads the
 * method's rule by the same rules. An interceptor only when the module's Jakarta Security
 * mechanism is enabled ({@link AuthVitalExtension} makes it one).
 */
public class RolesAllowedInterceptor {

    @Inject
    SecurityContext security;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        // The declaration the bean runs (Weld hands that one, an inherited method's too): the
        // rule the extension found for it when it bound this interceptor.
        RoleRules.Rule rule = RoleRules.of(method);
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (rule.denyAll()) {
            throw new AccessDeniedException(null, List.of(), Messages.roleMissing(name, List.of()));
        }
        if (!rule.checked()) {
            return invocation.proceed();
        }
        if (security.getCallerPrincipal() == null) {
            throw new NotAuthenticatedException(null, List.of(), Messages.roleWithoutCaller(name));
        }
        if (rule.roles().stream().noneMatch(security::isCallerInRole)) {
            throw new AccessDeniedException(null, List.of(), Messages.roleMissing(name, rule.roles()));
        }
        return invocation.proceed();
    }
}
