package com.authvital.jakarta.it.roles.secured;

import jakarta.annotation.security.RolesAllowed;

/** Not a bean: a superclass whose class-level {@code @RolesAllowed} covers the methods it declares. */
@RolesAllowed("app:admin")
public abstract class AdminBase {

    /** Only {@code app:admin}, by the superclass's class-level annotation. */
    public String purge() {
        return "purged";
    }

    /** Only {@code app:admin}, by its own annotation, which no subclass overrides. */
    @RolesAllowed("app:admin")
    public String audit() {
        return "audited";
    }
}
