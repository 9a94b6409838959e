package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AuthVitalPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as the application sees it behind the filter: the plain servlet API answers with
 * the token's user, so code written for container security works unchanged.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** What {@link #getAuthType()} answers: RFC 6750 bearer tokens. */
    static final String AUTH_TYPE = "Bearer";

    private final AuthVitalPrincipal principal;

    AuthenticatedRequest(HttpServletRequest request, AuthVitalPrincipal principal) {
        super(request);
        this.principal = principal;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    /** From the token's {@code tenant_roles} and {@code app_roles}. */
    @Override
    public boolean isUserInRole(String role) {
        return principal.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
