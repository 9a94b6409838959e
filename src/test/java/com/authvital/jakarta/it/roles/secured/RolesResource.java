package com.authvital.jakarta.it.roles.secured;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resources as a Jakarta EE team writes them: {@code @RolesAllowed}, {@code @PermitAll},
 * {@code @DenyAll}, both {@code SecurityContext}s and {@code @Inject JsonWebToken}.
 */
@Path("/roles")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RolesResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    jakarta.security.enterprise.SecurityContext security;

    @GET
    @Path("/admin")
    @RolesAllowed("app:admin")
    public String admin(@Context SecurityContext context) {
        return Json.createObjectBuilder().add("user", context.getUserPrincipal().getName()).build().toString();
    }

    @GET
    @Path("/member")
    @RolesAllowed("member")
    public String member(@Context SecurityContext context) {
        return admin(context);
    }

    @GET
    @Path("/open")
    @PermitAll
    public String open(@Context SecurityContext context) {
        return Json.createObjectBuilder().add("user", context.getUserPrincipal() == null ? "anonymous"
                : context.getUserPrincipal().getName()).build().toString();
    }

    @GET
    @Path("/never")
    @DenyAll
    public String never() {
        return "{}";
    }

    /** Who the caller is to each API: the JAX-RS and the Jakarta Security contexts, and MP JWT's token. */
    @GET
    @Path("/whoami")
    @PermitAll
    public String whoami(@Context SecurityContext context) {
        return Json.createObjectBuilder()
                .add("jaxrsUser", context.getUserPrincipal() == null ? "anonymous" : context.getUserPrincipal().getName())
                .add("jaxrsAdmin", context.isUserInRole("app:admin"))
                .add("callerPrincipal", security.getCallerPrincipal() == null ? "anonymous"
                        : security.getCallerPrincipal().getName())
                .add("callerAdmin", security.isCallerInRole("app:admin"))
                .add("callerMember", security.isCallerInRole("member"))
                .add("jwtName", String.valueOf(jwt.getName()))
                .add("jwtGroups", Json.createArrayBuilder(jwt.getGroups().stream().sorted().toList()))
                .add("jwtDepartment", String.valueOf((Object) jwt.getClaim("department")))
                .add("jwtRawToken", jwt.getRawToken() != null)
                .build().toString();
    }
}
