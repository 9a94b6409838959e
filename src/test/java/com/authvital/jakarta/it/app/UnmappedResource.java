package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.it.roles.secured.AdminService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Resources as a JAX-RS user writes them, catching nothing: {@code GET /rest/unmapped/sessions}
 * (the caller's session count through the sessions service) and {@code GET /rest/unmapped/purge}
 * ({@link AdminService}'s {@code @RolesAllowed("app:admin")} method). Whatever the module throws
 * is left to JAX-RS and its mappers.
 */
@Path("/unmapped")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class UnmappedResource {

    @Inject
    AuthVitalSessions sessions;

    @Inject
    AdminService admin;

    @GET
    @Path("/sessions")
    public String sessions(@Context HttpServletRequest request) {
        return Json.createObjectBuilder().add("count", sessions.list(request).count()).build().toString();
    }

    @GET
    @Path("/purge")
    public String purge() {
        return Json.createObjectBuilder().add("result", admin.purge()).build().toString();
    }
}
