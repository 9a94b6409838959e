package com.authvital.jakarta.it.roles.secured;

import com.authvital.jakarta.AuthVitalException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /service}: an unprotected servlet calling {@link AdminService}; answers its result, or the refusal's status and message. */
@WebServlet("/service")
public class AdminServiceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminService service;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        try {
            response.getWriter().write(service.purge() + " " + request.getAuthType());
        } catch (AuthVitalException e) {
            response.setStatus(e.getStatus());
            response.getWriter().write(e.getMessage());
        }
    }
}
