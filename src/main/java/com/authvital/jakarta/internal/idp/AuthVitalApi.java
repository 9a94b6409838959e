package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.SessionList;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The IdP's session endpoints (see the AuthVital contract), as a MicroProfile REST Client.
 * Kept behind {@link com.authvital.jakarta.AuthVitalSessions}; {@code authorization} is the whole
 * header value, {@code "Bearer <token>"}. {@link SessionIdSegmentFilter} keeps the session id
 * one path segment, which the client's own path-parameter encoding does not.
 */
@RegisterRestClient(configKey = "authvital")
@Path("/oauth")
@Produces(MediaType.APPLICATION_JSON)
public interface AuthVitalApi extends AutoCloseable {

    @GET
    @Path("/sessions")
    SessionList listSessions(@HeaderParam("Authorization") String authorization,
                             @QueryParam("application_id") String applicationId);

    @POST
    @Path("/sessions/{sessionId}/revoke")
    RevokeResult revokeSession(@HeaderParam("Authorization") String authorization,
                               @PathParam("sessionId") String sessionId);

    /** The same call, not waiting: {@code revokeOthers} runs a few at a time. */
    @POST
    @Path("/sessions/{sessionId}/revoke")
    CompletionStage<RevokeResult> revokeSessionAsync(@HeaderParam("Authorization") String authorization,
                                                     @PathParam("sessionId") String sessionId);

    @POST
    @Path("/logout-all")
    @Consumes(MediaType.APPLICATION_JSON)
    RevokeAllResult revokeAll(@HeaderParam("Authorization") String authorization,
                              RevokeAllRequest body);

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    RevokeResult logout(LogoutRequest body);

    /** A code exchange or a refresh, form-encoded (RFC 6749 §4.1.3, §6). */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    TokenAnswer token(Form form);
}
