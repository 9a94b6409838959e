package com.authvital.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, as Jakarta Security knows the caller ({@code GET /api/me}), and a page only
 * the application's administrators may see ({@code GET /api/admin}, {@code @RolesAllowed}): the
 * stand-in's Demo User holds {@code app_roles: ["admin"]}, its Second User does not.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** The demo's administrators: the IdP's application role {@code admin}, prefixed by {@code authvital.roles.prefix.app-roles}. */
    static final String ADMIN = "app:admin";

    @Inject
    SecurityContext security;

    @Inject
    JsonWebToken token;

    @GET
    @Path("me")
    public String me() {
        return Json.createObjectBuilder()
                .add("user", security.getCallerPrincipal().getName())
                .add("email", String.valueOf((Object) token.getClaim("email")))
                .add("name", token.getClaim("given_name") + " " + token.getClaim("family_name"))
                .add("admin", security.isCallerInRole(ADMIN))
                .build().toString();
    }

    @GET
    @Path("admin")
    @RolesAllowed(ADMIN)
    public String admin() {
        return Json.createObjectBuilder().add("message", "You are an administrator of this application.")
                .build().toString();
    }
}
