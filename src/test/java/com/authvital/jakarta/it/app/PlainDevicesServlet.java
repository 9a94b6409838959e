package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.Session;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /plain/devices}: as {@link DevicesServlet}, with no filter in front, through
 * {@code list(request, response, null)}, which refreshes the caller's tokens onto the response.
 */
@WebServlet("/plain/devices")
public class PlainDevicesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuthVitalSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        try {
            JsonArrayBuilder listed = Json.createArrayBuilder();
            for (Session session : sessions.list(request, response, null).sessions()) {
                listed.add(Json.createObjectBuilder().add("id", session.id()).add("current", session.current()));
            }
            response.getWriter().write(Json.createObjectBuilder().add("sessions", listed).build().toString());
        } catch (AuthVitalException e) {
            response.setStatus(e.getStatus());
            if (e instanceof RateLimitedException limited) { // as an application's exception mapper would
                response.setHeader("Retry-After", String.valueOf(limited.getRetryAfter().toSeconds()));
            }
            response.getWriter().write(Json.createObjectBuilder().add("message", e.getMessage()).build().toString());
        }
    }
}
