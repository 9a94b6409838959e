package com.authvital.jakarta.it.roles.secured;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * An application's own Jakarta Security mechanism, not the module's: a request with
 * {@code X-Test-Groups: a,b} is the caller {@code tester} in those groups; any other is anonymous.
 */
@ApplicationScoped
public class HeaderMechanism implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String groups = request.getHeader("X-Test-Groups");
        return groups == null ? context.doNothing()
                : context.notifyContainerAboutLogin("tester", Set.of(groups.split(",")));
    }
}
