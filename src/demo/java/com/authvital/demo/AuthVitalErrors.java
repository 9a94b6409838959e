package com.authvital.demo;

import com.authvital.jakarta.AuthVitalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Answers the module's errors with their status and a JSON body a page can show. */
@Provider
public class AuthVitalErrors implements ExceptionMapper<AuthVitalException> {

    @Override
    public Response toResponse(AuthVitalException e) {
        return Response.status(e.getStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getClass().getSimpleName(), "message", e.getMessage()))
                .build();
    }
}
