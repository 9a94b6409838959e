package com.authvital.jakarta;

import com.authvital.jakarta.internal.Messages;
import com.authvital.jakarta.internal.AuthVitalConfig;
import com.authvital.jakarta.internal.FilterSettings;
import com.authvital.jakarta.internal.FilterResponses;
import com.authvital.jakarta.internal.RequestOrigin;
import com.authvital.jakarta.internal.TokenExtractor;
import com.authvital.jakarta.internal.TokenValidator;
import com.authvital.jakarta.internal.ValidatedToken;
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
import java.util.Optional;

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
 * {@code {"error":"forbidden","message":"AV1006: .."}} (cross-site request forgery). A
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
    AuthVitalConfig config;

    @Inject
    TokenExtractor tokens;

    @Inject
    TokenValidator validator;

    private FilterSettings settings;

    private RequestOrigin origins;

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
        if (config == null || validator == null) {
            throw new ServletException(Messages.filterNotFromCdi());
        }
        try {
            settings = config.filter().overriddenBy(filterConfig::getInitParameter);
            origins = new RequestOrigin(config.allowedOrigins());
        } catch (AuthVitalConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (settings.isPublic(FilterResponses.pathInApplication(request))) {
            chain.doFilter(request, response);
            return;
        }
        boolean optional = settings.mode() == FilterSettings.Mode.OPTIONAL;
        ValidatedToken user;
        try {
            Optional<TokenExtractor.AccessToken> token = tokens.locate(request);
            if (token.isEmpty()) {
                if (optional) {
                    chain.doFilter(request, response);
                } else {
                    FilterResponses.unauthenticated(request, response, settings, false,
                            Messages.noAccessToken(config.accessTokenCookie()));
                }
                return;
            }
            // Before validation: a forged request is refused whatever its cookie holds, at no key fetch.
            if (token.get().fromCookie() && !origins.mayUseCookie(request)) {
                FilterResponses.forbidden(response, Messages.crossSiteRefused(config.accessTokenCookie()));
                return;
            }
            user = validator.validate(token.get().value());
        } catch (NotAuthenticatedException e) {
            if (optional) {
                chain.doFilter(request, response);
            } else {
                FilterResponses.unauthenticated(request, response, settings, true, e.getMessage());
            }
            return;
        } catch (IdpUnavailableException e) {
            FilterResponses.unavailable(response, e.getMessage());
            return;
        }
        request.setAttribute(ValidatedToken.ATTRIBUTE, user);
        chain.doFilter(FilterResponses.authenticated(request, user), response);
    }
}
