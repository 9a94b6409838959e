package com.authvital.jakarta.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Resources meant to be public, one per kind of public pattern: {@code /api/health} (exact),
 * {@code /api/public/info} (prefix {@code /api/public/*}), {@code /api/{name}.css} (extension).
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class PublicResources {

    @GET
    @Path("health")
    public String health() {
        return "public: health";
    }

    @GET
    @Path("public/info")
    public String info() {
        return "public: info";
    }

    @GET
    @Path("{name}.css")
    public String stylesheet(@PathParam("name") String name) {
        return "public: " + name + ".css";
    }
}
