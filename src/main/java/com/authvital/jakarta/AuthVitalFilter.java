package com.authvital.jakarta;

import com.authvital.jakarta.internal.auth.Authenticator;
import com.authvital.jakarta.internal.auth.FilterGuard;
import com.authvital.jakarta.internal.message.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Authenticates requests by their AuthVital access token: from the {@code Authorization: Bearer}
 * header or the {@code access_token} cookie, validated locally against the IdP's keys. Behind it,
 * {@code request.getUserPrincipal()} is an {@link AuthVitalPrincipal}, {@code getRemoteUser()} its
 * user id, {@code isUserInRole(r)} answers from the token's tenant and application roles.
 *
 * <p>Without a valid token, a protected path answers 401 with an RFC 6750
 * {@code WWW-Authenticate} header and {@code {"error":"invalid_token","message":..}}, or sends a
 * browser navigation to the login URL when one is set. Public paths pass without a user; in the
 * optional mode every request passes, with a user when its token is valid.
 *
 * <p>A request that only the cookie authenticates, with an unsafe method ({@code POST},
 * {@code PUT}, {@code PATCH}, {@code DELETE}…), is served only from the application's own origin,
 * an origin in {@code authvital.allowed-origins}, or no browser at all; otherwise it answers 403
 * {@code {"error":"forbidden","message":"AV1006E: .."}} (cross-site request forgery). A
 * {@code Bearer} header, which a browser never adds by itself, is served from anywhere.
 *
 * <p>Three ways to map it, each reading MicroProfile Config ({@code authvital.filter.*}) with
 * the filter's init-params ({@code public-paths}, {@code mode}, {@code login-url}) winning:
 * set {@code authvital.filter.url-patterns} and the module maps it itself; or a {@code <filter>}
 * of this class in {@code web.xml}; or {@link #register(ServletContext, String...)} from code.
 * The container must create it (it is injected), so it is always registered by class.
 */
public class AuthVitalFilter implements Filter {

    /** The filter name the module uses when it maps the filter itself or through {@link #register}. */
    public static final String NAME = "authvital";

    @Inject
    Authenticator authenticator;

    private FilterGuard guard;

    /**
     * Maps the filter from code, e.g. in a {@code ServletContextListener}; set init-params on the
     * answer to override MicroProfile Config:
     * <pre>{@code
     * AuthVitalFilter.register(context, "/api/*").setInitParameter("public-paths", "/api/health");
     * }</pre>
     */
    public static FilterRegistration.Dynamic register(ServletContext context, String... urlPatterns) {
        FilterRegistration.Dynamic registration = context.addFilter(NAME, AuthVitalFilter.class);
        if (registration == null) {
            throw new IllegalStateException(Messages.filterNameTaken(NAME));
        }
        registration.addMappingForUrlPatterns(null, false, urlPatterns);
        registration.setAsyncSupported(true);
        return registration;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (authenticator == null) {
            throw new ServletException(Messages.filterNotFromCdi());
        }
        try {
            guard = authenticator.guard(filterConfig::getInitParameter);
        } catch (AuthVitalConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        guard.doFilter((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }
}
