package com.authvital.jakarta.it.roles.secured;

import jakarta.enterprise.context.RequestScoped;

/**
 * A CDI bean whose {@code @RolesAllowed} methods it inherits from {@link AdminBase} without
 * annotating anything itself; a method it declares is not covered by the superclass's class-level
 * roles (Jakarta Annotations 2.1, §2.1).
 */
@RequestScoped
public class InheritedAdminService extends AdminBase {

    /** Anyone: the superclass's class-level annotation does not reach a method this class declares. */
    public String hello() {
        return "hello";
    }
}
