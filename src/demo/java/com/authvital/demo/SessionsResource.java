package com.authvital.demo;

import com.authvital.jakarta.AuthVitalCookies;
import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.Device;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionList;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SDK page's "Complete Example: Session Management UI", route for route, plus "sign out
 * other devices". {@code POST /api/logout} is the module's logout servlet ({@code authvital.logout.path}
 * in the demo's {@code microprofile-config.properties}).
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    /** One row of the devices list: the SDK example's fields, and what the devices page shows. */
    public record DeviceView(String id, String device, String browser, String os, boolean mobile,
                             String location, Instant lastActive, Instant expiresAt, boolean current) {
        static DeviceView of(Session s) {
            Device d = s.device();
            return new DeviceView(s.id(), d.label(), d.browser(), d.os(), d.mobile(), s.ipAddress(),
                    s.createdAt(), s.expiresAt(), s.current());
        }
    }

    /** {@code {sessions, total}} as in the SDK example. */
    public record SessionsView(List<DeviceView> sessions, int total) {
    }

    private final AuthVitalSessions sessions;
    private final AuthVitalCookies cookies;

    /**
     * For CDI's proxy of this request-scoped bean; public because RESTEasy on WildFly checks at
     * deployment that a resource class has a constructor it could call itself.
     */
    public SessionsResource() {
        this(null, null);
    }

    /** The module's services in the application; a unit test's fakes of them. */
    @Inject
    public SessionsResource(AuthVitalSessions sessions, AuthVitalCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** The devices list; a failure is the module's to answer (401, 503…), with no mapper of the demo's. */
    @GET
    @Path("sessions")
    public SessionsView list(@Context HttpServletRequest request) {
        SessionList list = sessions.list(request);
        return new SessionsView(list.sessions().stream().map(DeviceView::of).toList(), list.count());
    }

    @POST
    @Path("sessions/{id}/revoke")
    public RevokeResult revoke(@Context HttpServletRequest request, @PathParam("id") String id) {
        return sessions.revoke(request, id);
    }

    /** Sign out other devices: every session but this browser's. */
    @POST
    @Path("sign-out-others")
    public Map<String, Object> signOutOthers(@Context HttpServletRequest request) {
        RevokeAllResult result = sessions.revokeOthers(request);
        return Map.of("message", "Signed out of " + result.count() + " other devices", "count", result.count());
    }

    /** Log out everywhere; this browser's session is among them, so its cookies go too. */
    @POST
    @Path("logout-all")
    public Map<String, String> logoutAll(@Context HttpServletRequest request, @Context HttpServletResponse response) {
        RevokeAllResult result = sessions.revokeAll(request);
        cookies.clear(response);
        return Map.of("message", "Logged out of " + result.count() + " devices");
    }
}
