package com.authvital.jakarta.internal.jaxrs;

import com.authvital.jakarta.AuthVitalException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers each of the module's exceptions that reaches JAX-RS (from {@code AuthVitalSessions}, a
 * {@code @RolesAllowed} CDI bean…) as {@link ErrorAnswer} decides, so that an application needs
 * no mapper of its own. {@link AuthVitalJaxRsFeature} registers it, below the application's own.
 * The priority is on the class as well as in the registration: RESTEasy (Open Liberty's
 * {@code restfulWS-3.1}) reads an exception mapper's priority from its {@code @Priority} alone and
 * ignores the one given to {@code register}; without it the two mappers tie at
 * {@code Priorities.USER} and the one registered last wins, which varies from one deployment to
 * the next.
 */
@Priority(AuthVitalJaxRsFeature.PRIORITY)
public class AuthVitalExceptionMapper implements ExceptionMapper<AuthVitalException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(AuthVitalException e) {
        ErrorAnswer answer = ErrorAnswer.of(e, request);
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }
}
