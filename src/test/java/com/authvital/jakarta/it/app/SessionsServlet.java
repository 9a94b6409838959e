package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.AuthVitalSessions;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/sessions}: the caller's session count, through the sessions service. */
@WebServlet("/api/sessions")
public class SessionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuthVitalSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        try {
            response.getWriter().write(Json.createObjectBuilder()
                    .add("count", sessions.list(request).count()).build().toString());
        } catch (AuthVitalException e) {
            response.setStatus(e.getStatus());
            response.getWriter().write(Json.createObjectBuilder().add("message", e.getMessage()).build().toString());
        }
    }
}
