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

/**
 * {@code /api/logout-all} through the sessions service: {@code GET} answers the caller's session
 * count, any other method ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) revokes all
 * the caller's sessions and answers how many. A module error answers its status and message.
 */
@WebServlet("/api/logout-all")
public class LogoutAllServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthVitalSessions sessions;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        try {
            int count = "GET".equals(request.getMethod()) ? sessions.list(request).count()
                    : sessions.revokeAll(request).count();
            response.getWriter().write(Json.createObjectBuilder().add("count", count).build().toString());
        } catch (AuthVitalException e) {
            response.setStatus(e.getStatus());
            response.getWriter().write(Json.createObjectBuilder().add("message", e.getMessage()).build().toString());
        }
    }
}
