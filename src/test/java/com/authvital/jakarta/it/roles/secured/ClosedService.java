package com.authvital.jakarta.it.roles.secured;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;

/** A CDI bean closed by a class-level {@code @DenyAll}, with one method that opens itself to {@code app:admin}. */
@RequestScoped
@DenyAll
public class ClosedService {

    /** No one. */
    public String shut() {
        return "shut";
    }

    /** Only {@code app:admin}: the method's annotation wins over the class's. */
    @RolesAllowed("app:admin")
    public String ajar() {
        return "ajar";
    }
}
