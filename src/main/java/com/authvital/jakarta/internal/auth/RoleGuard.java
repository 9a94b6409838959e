package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Whether the caller of a bean method may call it, under the method's {@link RoleRules.Rule}. The
 * caller is the user the filter or the Jakarta Security mechanism established for the request
 * (both keep it as the request's {@link ValidatedToken}), in the roles of
 * {@link AuthVitalPrincipal#hasRole}, the groups the mechanism gives the container; else the
 * container's caller, when an authentication of the application's own (another mechanism,
 * {@code mpJwt}) made one. One per application; {@link RolesAllowedInterceptor} only translates.
 */
public final class RoleGuard {

    private static final System.Logger LOG = System.getLogger(RoleGuard.class.getName());

    private final boolean mechanism;
    private final AtomicBoolean unwiredLogged = new AtomicBoolean();

    /** @param mechanism whether the module is the application's Jakarta Security mechanism */
    public RoleGuard(boolean mechanism) {
        this.mechanism = mechanism;
    }

    /**
     * Returns when {@code caller} may call {@code method}; throws otherwise. {@code @DenyAll}
     * refuses everyone, signing in would not help.
     *
     * @param caller       whether the request's caller is in a role; null when there is no caller
     * @param filterMapped whether the application maps {@code AuthVitalFilter}; asked only when there is no caller
     * @throws AccessDeniedException     403, AV1009: {@code @DenyAll}, or the caller has none of the roles
     * @throws NotAuthenticatedException 401, AV1010: no caller; AV0007 when nothing in the application can establish one
     */
    void check(RoleRules.Rule rule, String method, Predicate<String> caller, BooleanSupplier filterMapped) {
        if (rule.denyAll()) {
            throw refused(new AccessDeniedException(null, List.of(), Messages.roleMissing(method, List.of())));
        }
        if (!rule.checked()) {
            return;
        }
        if (caller == null) {
            if (!mechanism && !filterMapped.getAsBoolean()) {
                String unwired = Messages.rolesWithoutCallerSource(method);
                if (unwiredLogged.compareAndSet(false, true)) {
                    LOG.log(System.Logger.Level.WARNING, unwired);
                }
                throw refused(new NotAuthenticatedException(null, List.of(), unwired));
            }
            throw refused(new NotAuthenticatedException(null, List.of(), Messages.roleWithoutCaller(method)));
        }
        if (rule.roles().stream().noneMatch(caller)) {
            throw refused(new AccessDeniedException(null, List.of(), Messages.roleMissing(method, rule.roles())));
        }
    }

    private static <E extends AuthVitalException> E refused(E refusal) {
        LOG.log(System.Logger.Level.DEBUG, refusal::getMessage);
        return refusal;
    }
}
