package com.authvital.demo;

import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionList;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The SDK page's "Complete Example: Session Management UI", route for route. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    /** One row of the devices list, shaped as in the SDK example. */
    public record DeviceView(String id, String device, String location, Instant lastActive, Instant expiresAt) {
        static DeviceView of(Session s) {
            return new DeviceView(s.id(), s.userAgent() == null ? "Unknown" : s.userAgent(),
                    s.ipAddress(), s.createdAt(), s.expiresAt());
        }
    }

    /** {@code {sessions, total}} as in the SDK example. */
    public record SessionsView(List<DeviceView> sessions, int total) {
    }

    @Inject
    AuthVitalSessions sessions;

    @Context
    HttpServletRequest request;

    @GET
    @Path("sessions")
    public SessionsView list() {
        SessionList list = sessions.list(request);
        return new SessionsView(list.sessions().stream().map(DeviceView::of).toList(), list.count());
    }

    @POST
    @Path("sessions/{id}/revoke")
    public RevokeResult revoke(@PathParam("id") String id) {
        return sessions.revoke(request, id);
    }

    @POST
    @Path("logout-all")
    public Map<String, String> logoutAll() {
        RevokeAllResult result = sessions.revokeAll(request);
        return Map.of("message", "Logged out of " + result.count() + " devices");
    }

    /** The refresh token comes from its cookie, else from a JSON body's {@code refresh_token}. */
    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    public Response logout(String body) {
        String refreshToken = cookie("refresh_token");
        if (refreshToken == null) {
            refreshToken = bodyField(body, "refresh_token");
        }
        if (refreshToken != null) {
            sessions.logout(refreshToken);
        }
        return Response.ok(Map.of("success", true))
                .header("Set-Cookie", DemoCookies.cleared("access_token"))
                .header("Set-Cookie", DemoCookies.cleared("refresh_token"))
                .build();
    }

    private String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName()) && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static String bodyField(String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            return json.getString(field, null);
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
