package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An application's own mapper of the module's exceptions, as one written before the module had its own: 418 and {@value #BODY}. */
@Provider
public class OwnErrors implements ExceptionMapper<AuthVitalException> {

    /** What only this mapper answers. */
    public static final String BODY = "the application's own mapper";

    @Override
    public Response toResponse(AuthVitalException e) {
        return Response.status(418).type(MediaType.TEXT_PLAIN).entity(BODY).build();
    }
}
