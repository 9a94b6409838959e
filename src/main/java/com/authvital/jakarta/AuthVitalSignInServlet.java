package com.authvital.jakarta;

import com.authvital.jakarta.internal.flow.SignInFlow;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Starts a sign-in: sends the browser to the IdP's {@code /oauth/authorize} (authorization code
 * flow, PKCE {@code S256}, a new {@code state} and {@code nonce}), the flow's secrets in a
 * short-lived encrypted cookie that only {@link AuthVitalCallbackServlet} gets. A {@code redirect}
 * parameter says where the user goes once signed in: a path of the application, or a URL on an
 * origin in {@code authvital.logout.allowed-origins}; anything else goes to
 * {@code authvital.signin.redirect}.
 *
 * <p>Map it by setting {@code authvital.signin.path} (with {@code authvital.signin.callback-path}),
 * as a {@code <servlet>} in {@code web.xml}, or with {@link #register(ServletContext, String)}.
 */
public class AuthVitalSignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The servlet name the module uses when it maps the servlet itself or through {@link #register}. */
    public static final String NAME = "authvital-signin";

    @Inject
    transient SignInFlow flow;

    /** Maps the servlet from code, e.g. {@code register(context, "/login")}. */
    public static ServletRegistration.Dynamic register(ServletContext context, String path) {
        return ModuleServlets.register(context, NAME, AuthVitalSignInServlet.class, path);
    }

    @Override
    public void init() throws ServletException {
        ModuleServlets.requireInjected(flow, AuthVitalSignInServlet.class);
    }

    /** A navigation to the sign-in: off to the IdP. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        flow.start(request, response);
    }
}
