package com.authvital.jakarta.it.roles.secured;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;

/** A CDI bean with a method only {@code app:admin} may call. */
@RequestScoped
public class AdminService {

    @RolesAllowed("app:admin")
    public String purge() {
        return "purged";
    }
}
