package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalPrincipal;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** {@code GET /api/me?role=r}: the user as the servlet API and CDI see it; also serves /api/health. */
@WebServlet({"/api/me", "/api/health", "/public/me"})
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("remoteUser", String.valueOf(request.getRemoteUser()))
                .add("authType", String.valueOf(request.getAuthType()))
                .add("principal", principal == null ? "none" : principal.getName())
                .add("cdiUser", currentUser.name())
                .add("inRole", request.getParameter("role") != null && request.isUserInRole(request.getParameter("role")));
        if (principal instanceof AuthVitalPrincipal user) {
            body.add("email", user.email().orElse("-")).add("tenant", user.tenantId().orElse("-"));
        }
        response.setContentType("application/json");
        response.getWriter().write(body.build().toString());
    }
}
