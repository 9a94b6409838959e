package com.authvital.bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * The load test's check of who authenticated a request, beside {@link HelloServlet} at the same
 * paths: answers the class of {@code getUserPrincipal()}, or {@code none}. On {@code /open/*}
 * of the module's WARs it must say {@code none} with a valid token: nothing in the server
 * (Liberty's mpJwt in particular) authenticated a request that nothing protects.
 */
@WebServlet({"/open/principal", "/protected/principal", "/passthrough/principal"})
public class PrincipalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        response.setContentType("text/plain");
        response.getWriter().write(principal == null ? "none" : principal.getClass().getName());
    }
}
