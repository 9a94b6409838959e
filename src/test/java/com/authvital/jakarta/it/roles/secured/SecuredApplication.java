package com.authvital.jakarta.it.roles.secured;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of the Jakarta Security tests, under {@code /rest}. */
@ApplicationPath("/rest")
@DeclareRoles({"app:admin", "member"})
public class SecuredApplication extends Application {
}
