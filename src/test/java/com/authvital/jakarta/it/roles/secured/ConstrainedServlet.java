package com.authvital.jakarta.it.roles.secured;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /constrained/page}: protected only by the test's {@code web.xml} constraint (role {@code member}); answers the caller's name. */
@WebServlet("/constrained/page")
public class ConstrainedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(request.getUserPrincipal().getName());
    }
}
