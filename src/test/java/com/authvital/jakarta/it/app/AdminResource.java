package com.authvital.jakarta.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/admin} and everything under it ({@code /api/admin/users/42}): a protected
 * resource tree whose answer says that it ran.
 */
@Path("admin")
@Produces(MediaType.TEXT_PLAIN)
public class AdminResource {

    /** The body of every answer of this resource, and of nothing else. */
    public static final String EXECUTED = "the protected admin resource was executed";

    @GET
    public String admin() {
        return EXECUTED;
    }

    @GET
    @Path("{section: .+}")
    public String section() {
        return EXECUTED;
    }
}
