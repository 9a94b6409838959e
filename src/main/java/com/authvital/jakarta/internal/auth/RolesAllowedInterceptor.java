package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AuthVitalFilter;
import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.function.Predicate;

/**
 * {@code @RolesAllowed} and {@code @DenyAll} on CDI beans, which Liberty enforces only on EJBs
 * (and, with {@code appSecurity}, on JAX-RS resources): whenever the module is deployed, with the
 * filter, the mechanism or both. Bound by
 * {@code AuthVitalExtension} to each method that {@link RoleRules} finds covered; reads the
 * method's rule by the same rules, and {@link RoleGuard} decides against the caller the filter or
 * the mechanism established on the request (else the container's own).
 */
public class RolesAllowedInterceptor {

    @Inject
    RoleGuard guard;

    @Inject
    Instance<HttpServletRequest> requests;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        // The declaration the bean runs (Weld hands that one, an inherited method's too): the
        // rule the extension found for it when it bound this interceptor.
        RoleRules.Rule rule = RoleRules.of(method);
        if (rule.checked()) {
            HttpServletRequest request = request();
            guard.check(rule, method.getDeclaringClass().getSimpleName() + "." + method.getName(), caller(request),
                    () -> request == null || filterMapped(request));
        }
        return invocation.proceed();
    }

    /** The servlet request this call serves; null outside one (a timer, a thread of the application's). */
    private HttpServletRequest request() {
        try {
            HttpServletRequest request = requests.get();
            request.getAttributeNames(); // a proxy outside a request fails here, not later
            return request;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the caller is in a role: the filter's or the mechanism's user, else the container's
     * caller (an authentication of the application's own); null without a caller.
     */
    private static Predicate<String> caller(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken token) {
            AuthVitalPrincipal user = token.principal();
            return user::hasRole;
        }
        return request.getUserPrincipal() != null ? request::isUserInRole : null;
    }

    /** Whether the application maps the filter anywhere (by the key, in web.xml or from code). */
    private static boolean filterMapped(HttpServletRequest request) {
        return request.getServletContext().getFilterRegistrations().values().stream()
                .anyMatch(filter -> AuthVitalFilter.class.getName().equals(filter.getClassName()));
    }
}
