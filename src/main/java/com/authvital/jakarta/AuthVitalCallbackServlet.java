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
 * Where the IdP sends the browser back after sign-in: checks the flow's {@code state}, exchanges
 * the code at {@code POST /oauth/token} with the PKCE verifier (and {@code authvital.client-secret}
 * when set), checks the ID token and the access token, sets the {@code access_token} and
 * {@code refresh_token} cookies, and answers {@code 303} to where the user was going. A refusal,
 * a stale or foreign flow, an IdP that is down: a page (JSON for a client asking for it) with a
 * message id, and no token cookie. A sign-in that would take more than its share of the IdP's 30
 * token calls a minute ({@code authvital.idp.token-budget}) gets {@code 429} with
 * {@code Retry-After} and keeps its flow: the same answer works after the wait.
 *
 * <p>Its path must be the one set in {@code authvital.signin.callback-path}, which builds the
 * {@code redirect_uri} registered at the IdP. The module maps it there itself when
 * {@code authvital.signin.path} is set; else map it in {@code web.xml} or with
 * {@link #register(ServletContext, String)}.
 */
public class AuthVitalCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The servlet name the module uses when it maps the servlet itself or through {@link #register}. */
    public static final String NAME = "authvital-callback";

    @Inject
    transient SignInFlow flow;

    /** Maps the servlet from code, e.g. {@code register(context, "/callback")}. */
    public static ServletRegistration.Dynamic register(ServletContext context, String path) {
        return ModuleServlets.register(context, NAME, AuthVitalCallbackServlet.class, path);
    }

    @Override
    public void init() throws ServletException {
        ModuleServlets.requireInjected(flow, AuthVitalCallbackServlet.class);
    }

    /** The IdP sends the browser back here with a code, or an error. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        flow.callback(request, response);
    }
}
