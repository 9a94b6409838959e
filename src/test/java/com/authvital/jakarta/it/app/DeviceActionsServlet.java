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
 * {@code POST /api/device-actions?revoke=<session id>} revokes one session of the caller;
 * {@code POST /api/device-actions?others} signs out the caller's other devices. Answers
 * {@code {"success"}}, or a module error's status and message.
 */
@WebServlet("/api/device-actions")
public class DeviceActionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthVitalSessions sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        try {
            boolean success = request.getParameter("others") != null
                    ? sessions.revokeOthers(request).success()
                    : sessions.revoke(request, request.getParameter("revoke")).success();
            response.getWriter().write(Json.createObjectBuilder().add("success", success).build().toString());
        } catch (AuthVitalException e) {
            response.setStatus(e.getStatus());
            response.getWriter().write(Json.createObjectBuilder().add("message", e.getMessage()).build().toString());
        }
    }
}
