package com.authvital.jakarta;

import com.authvital.jakarta.internal.Messages;
import com.authvital.jakarta.internal.AuthVitalConfig;
import com.authvital.jakarta.internal.LogoutRequests;
import com.authvital.jakarta.internal.LogoutSettings;
import com.authvital.jakarta.internal.RequestOrigin;
import com.authvital.jakarta.internal.TokenExtractor;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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

    private static final System.Logger LOG = System.getLogger(AuthVitalLogoutServlet.class.getName());

    /** The servlet name the module uses when it maps the servlet itself or through {@link #register}. */
    public static final String NAME = "authvital-logout";

    @Inject
    transient AuthVitalConfig config;

    @Inject
    transient AuthVitalSessions sessions;

    @Inject
    transient AuthVitalCookies cookies;

    @Inject
    transient TokenExtractor tokens;

    private transient LogoutSettings settings;

    private transient RequestOrigin origins;

    /** Maps the servlet from code, e.g. {@code register(context, "/logout")}; set init-params on the answer. */
    public static ServletRegistration.Dynamic register(ServletContext context, String path) {
        ServletRegistration.Dynamic registration = context.addServlet(NAME, AuthVitalLogoutServlet.class);
        if (registration == null) {
            throw new IllegalStateException(Messages.servletNameTaken(NAME));
        }
        registration.addMapping(path);
        return registration;
    }

    @Override
    public void init() throws ServletException {
        if (config == null || sessions == null) {
            throw new ServletException(Messages.servletNotFromCdi());
        }
        try {
            settings = config.logout().overriddenBy(this::getInitParameter);
            origins = new RequestOrigin(settings.allowedOrigins()).and(config.allowedOrigins());
        } catch (AuthVitalConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    /**
     * Only POST logs out. A link or an image (GET) must never log anyone out (RFC 9110 §9.2.1,
     * safe methods); every other method gets 405 with {@code Allow} (RFC 9110 §15.5.6).
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getMethod()) {
            case "POST" -> logout(request, response);
            case "OPTIONS" -> response.setHeader("Allow", "POST, OPTIONS");
            default -> {
                response.setHeader("Allow", "POST");
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Log out with POST");
            }
        }
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!origins.trusted(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, Messages.crossSiteRefused(config.refreshTokenCookie()));
            return;
        }
        JsonObjectBuilder idp = revoke(tokens.refreshToken(request));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        cookies.clear(response);
        if (settings.clearSiteData()) {
            response.setHeader("Clear-Site-Data", "\"cookies\"");
        }
        response.setHeader("Cache-Control", "no-store");
        if (LogoutRequests.wantsJson(request)) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("success", true).add("idp", idp)
                    .build().toString());
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", nextLocation(request));
    }

    /** Revokes at the IdP, best effort: what happened goes into the answer, nothing stops the logout. */
    private JsonObjectBuilder revoke(Optional<String> refreshToken) {
        if (refreshToken.isEmpty()) {
            return Json.createObjectBuilder().add("called", false).add("message", "No refresh token: nothing to revoke");
        }
        try {
            RevokeResult result = sessions.logout(refreshToken.get());
            return Json.createObjectBuilder().add("called", true).add("reached", true)
                    .add("success", result.success()).add("message", result.message());
        } catch (AuthVitalException e) {
            // The detail (the IdP's address, the connection error) is for the operator, not for
            // an anonymous client: the answer keeps an id, the server log the rest.
            LOG.log(Level.WARNING, Messages.logoutWithoutIdpLog(e.getMessage()));
            String message = e.getIdpStatus().isPresent() ? Messages.logoutRefused(e.getIdpStatus().getAsInt())
                    : Messages.logoutUnreached();
            return Json.createObjectBuilder().add("called", true).add("reached", e.getIdpStatus().isPresent())
                    .add("success", false).add("message", message);
        } catch (Throwable e) {
            // Best effort by contract: whatever breaks here (an Error too: without the REST client
            // feature it is a NoClassDefFoundError), the browser is still logged out.
            LOG.log(Level.WARNING, Messages.revocationBrokeLog(redacted(e, refreshToken.get())));
            return Json.createObjectBuilder().add("called", true).add("reached", false).add("success", false)
                    .add("message", Messages.revocationBroke());
        }
    }

    /** The failure with its causes and stack, the token blanked wherever a message repeats it. */
    private static String redacted(Throwable failure, String token) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString().replace(token, "[redacted]");
    }

    private String nextLocation(HttpServletRequest request) {
        String location = LogoutRequests.location(request, settings);
        if (!settings.idpLogout()) {
            return location;
        }
        String absolute = location.startsWith("/") ? RequestOrigin.own(request) + location : location;
        return config.host() + "/oauth/logout?post_logout_redirect_uri="
                + URLEncoder.encode(absolute, StandardCharsets.UTF_8);
    }
}
