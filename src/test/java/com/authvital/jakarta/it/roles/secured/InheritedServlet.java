package com.authvital.jakarta.it.roles.secured;

import com.authvital.jakarta.AuthVitalException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /inherited/{purge|audit|hello|shut|ajar}}: an unprotected servlet calling that method of
 * {@link InheritedAdminService} or {@link ClosedService}; answers its result, or the refusal's
 * status and message.
 */
@WebServlet("/inherited/*")
public class InheritedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    InheritedAdminService inherited;

    @Inject
    ClosedService closed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Supplier<String>> calls = Map.of("/purge", inherited::purge, "/audit", inherited::audit,
                "/hello", inherited::hello, "/shut", closed::shut, "/ajar", closed::ajar);
        Supplier<String> call = calls.get(String.valueOf(request.getPathInfo()));
        response.setContentType("text/plain");
        if (call == null) {
            response.sendError(404);
            return;
        }
        try {
            response.getWriter().write(call.get());
        } catch (AuthVitalException e) {
            response.setStatus(e.getStatus());
            response.getWriter().write(e.getMessage());
        }
    }
}
