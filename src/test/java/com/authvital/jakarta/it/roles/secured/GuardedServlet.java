package com.authvital.jakarta.it.roles.secured;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /guarded} needs the role {@code app:admin} by {@code @ServletSecurity}; answers the caller's name. */
@WebServlet("/guarded")
@ServletSecurity(@HttpConstraint(rolesAllowed = "app:admin"))
public class GuardedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(request.getUserPrincipal().getName());
    }
}
