package com.authvital.demo;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.RateLimitedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Answers the module's errors with their status and a JSON body a page can show; a rate-limited
 * IdP's wait goes into {@code Retry-After}.
 */
@Provider
public class AuthVitalErrors implements ExceptionMapper<AuthVitalException> {

    @Override
    public Response toResponse(AuthVitalException e) {
        Response.ResponseBuilder answer = Response.status(e.getStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getClass().getSimpleName(), "message", e.getMessage()));
        if (e instanceof RateLimitedException limited) {
            answer.header("Retry-After", Math.max(1, limited.getRetryAfter().toSeconds()));
        }
        return answer.build();
    }
}
