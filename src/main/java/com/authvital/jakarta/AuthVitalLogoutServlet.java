package com.authvital.jakarta;

import com.authvital.jakarta.internal.flow.LogoutFlow;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Logs the browser out for real: revokes its session at the IdP (best effort), invalidates the
 * {@code HttpSession} and clears the {@code access_token} and {@code refresh_token} cookies with
 * the attributes they were set with. {@code POST} only; a cross-site request is refused with 403
 * (its own {@code allowed-origins} and {@code authvital.allowed-origins} may post).
 *
 * <p>The refresh token comes from its cookie, else a form or JSON field {@code refresh_token}.
 * A client asking for JSON gets {@code {"success":true,"idp":{...}}}; a browser gets a 303 to the
 * {@code redirect} parameter when it is a path of the application or an allowed URL, else to
 * {@code authvital.logout.redirect}.
 *
 * <p>Map it by setting {@code authvital.logout.path}, or as a {@code <servlet>} in
 * {@code web.xml}, or with {@link #register(ServletContext, String)}; init-params
 * ({@code redirect}, {@code allowed-origins}, {@code clear-site-data}, {@code idp-logout}) override
 * {@code authvital.logout.*} for it. To clear the cookies from your own code, use
 * {@link AuthVitalCookies#clear}.
 */
public class AuthVitalLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The servlet name the module uses when it maps the servlet itself or through {@link #register}. */
    public static final String NAME = "authvital-logout";

    @Inject
    transient LogoutFlow flow;

    private transient LogoutFlow.Endpoint endpoint;

    /** Maps the servlet from code, e.g. {@code register(context, "/logout")}; set init-params on the answer. */
    public static ServletRegistration.Dynamic register(ServletContext context, String path) {
        return ModuleServlets.register(context, NAME, AuthVitalLogoutServlet.class, path);
    }

    @Override
    public void init() throws ServletException {
        ModuleServlets.requireInjected(flow, AuthVitalLogoutServlet.class);
        try {
            endpoint = flow.endpoint(this::getInitParameter);
        } catch (AuthVitalConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    /** Every method comes here: only {@code POST} logs out, the others get 405 with {@code Allow}. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.service(request, response);
    }
}
