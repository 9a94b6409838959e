package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A request-scoped bean of the application, injected with the request's user. */
@RequestScoped
public class CurrentUser {

    @Inject
    AuthVitalPrincipal principal;

    /** The injected user's id, or "anonymous". */
    public String name() {
        return principal == null ? "anonymous" : principal.getName();
    }
}
