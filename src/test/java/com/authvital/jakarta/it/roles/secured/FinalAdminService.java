package com.authvital.jakarta.it.roles.secured;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;

/** A CDI bean whose {@code @RolesAllowed} method is final: no interceptor could check it. */
@Dependent
@RolesAllowed("app:admin")
public class FinalAdminService {

    public final String purge() {
        return "purged";
    }
}
