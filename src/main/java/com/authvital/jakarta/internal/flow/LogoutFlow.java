package com.authvital.jakarta.internal.flow;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.config.LogoutSettings;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.http.JsonAnswers;
import com.authvital.jakarta.internal.http.RedirectTargets;
import com.authvital.jakarta.internal.http.RequestOrigin;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.SessionEnds;
import com.authvital.jakarta.internal.token.TokenExtractor;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Logging a browser out for real, for {@code AuthVitalLogoutServlet}: only a same-origin
 * {@code POST}; the session revoked at the IdP, best effort; the {@code HttpSession} invalidated;
 * both token cookies cleared whatever happened at the IdP; then JSON or a 303 to an allowed place.
 * One per application; {@link #endpoint} gives each servlet its own settings.
 */
public final class LogoutFlow {

    private static final System.Logger LOG = System.getLogger(LogoutFlow.class.getName());
    /** The refresh token's form or JSON field, as in the SDK's {@code req.body.refresh_token}. */
    private static final String REFRESH_TOKEN_FIELD = "refresh_token";
    /** A logout body is tiny; a larger one is not read. */
    private static final int MAX_BODY = 16 * 1024;

    private final AuthVitalConfig config;
    private final IdpLogout idpLogout;
    private final CookieWriter cookies;
    private final TokenExtractor tokens;
    private final SessionEnds ends;

    /**
     * The IdP's {@code POST /oauth/logout} of one refresh token: {@code IdpClient::logout} in the
     * application. A type of its own because the logout must survive whatever it throws, an
     * {@link Error} included, and the tests that prove it (without a container, or with one)
     * need a call that throws so; the final {@code IdpClient} cannot be made to.
     */
    @FunctionalInterface
    public interface IdpLogout {
        /** The IdP's answer to the logout of {@code refreshToken}. */
        RevokeResult logout(String refreshToken);
    }

    /** The logout of the application; {@code idpLogout} is {@code IdpClient::logout} outside the tests. */
    public LogoutFlow(AuthVitalConfig config, IdpLogout idpLogout, CookieWriter cookies, TokenExtractor tokens,
               SessionEnds ends) {
        this.config = config;
        this.idpLogout = idpLogout;
        this.cookies = cookies;
        this.tokens = tokens;
        this.ends = ends;
    }

    /**
     * The logout of one servlet, its init-params over {@code authvital.logout.*}.
     *
     * @throws AuthVitalConfigException naming each bad init-param
     */
    public Endpoint endpoint(Function<String, String> initParams) {
        LogoutSettings settings = config.logout().overriddenBy(initParams);
        return new Endpoint(settings, new RequestOrigin(settings.allowedOrigins()).and(config.allowedOrigins()));
    }

    /** One servlet's logout. */
    public final class Endpoint {

        private final LogoutSettings settings;
        private final RequestOrigin origins;

        private Endpoint(LogoutSettings settings, RequestOrigin origins) {
            this.settings = settings;
            this.origins = origins;
        }

        /**
         * Only POST logs out. A link or an image (GET) must never log anyone out (RFC 9110 §9.2.1,
         * safe methods); every other method gets 405 with {@code Allow} (RFC 9110 §15.5.6).
         */
        public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        Messages.crossSiteRefused(config.cookies().refreshTokenName()));
                return;
            }
            List<String> refreshTokens = refreshTokens(request);
            JsonObjectBuilder idp = revoke(refreshTokens);
            // This server refuses the browser's tokens at once, whatever the IdP said.
            ends.loggedOut(refreshTokens, accessToken(request));
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            cookies.clear(response);
            if (settings.clearSiteData()) {
                response.setHeader("Clear-Site-Data", "\"cookies\"");
            }
            response.setHeader("Cache-Control", "no-store");
            if (JsonAnswers.wantsJson(request)) {
                JsonAnswers.write(response, Json.createObjectBuilder().add("success", true).add("idp", idp).build());
                return;
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", nextLocation(request));
        }

        /**
         * Revokes each live session of {@code refreshTokens} at the IdP (a browser sends one; a
         * cookie tossed by a sibling sub-domain makes two, and the browser's own is revoked all the
         * same), best effort: the answer tells of the first; nothing stops the logout.
         */
        private JsonObjectBuilder revoke(List<String> refreshTokens) {
            if (refreshTokens.isEmpty()) {
                return Json.createObjectBuilder().add("called", false).add("message", "No refresh token: nothing to revoke");
            }
            JsonObjectBuilder first = null;
            for (String refreshToken : refreshTokens) {
                JsonObjectBuilder answer = revoke(refreshToken);
                first = first == null ? answer : first;
            }
            return first;
        }

        private JsonObjectBuilder revoke(String refreshToken) {
            try {
                SessionEnds.RefreshTokenState state = ends.refreshTokenState(refreshToken);
                if (state == SessionEnds.RefreshTokenState.INVALID) {
                    // Made up, expired or another application's: the IdP is not called on its behalf.
                    return Json.createObjectBuilder().add("called", false)
                            .add("message", "Not a valid refresh token of this application: nothing to revoke");
                }
                if (state == SessionEnds.RefreshTokenState.ENDED) {
                    // Spent or revoked here: the IdP revoked it already; a replay costs it nothing.
                    return Json.createObjectBuilder().add("called", false)
                            .add("message", "The session of this refresh token has already ended: nothing to revoke");
                }
                RevokeResult result = idpLogout.logout(refreshToken); // LIVE: worth the call
                return Json.createObjectBuilder().add("called", true).add("reached", true)
                        .add("success", result.success()).add("message", result.message());
            } catch (AuthVitalException e) {
                // The detail (the IdP's address, the connection error) is for the operator, not for
                // an anonymous client: the answer keeps an id, the server log the rest.
                // DEBUG: an outage is told once by the IdP client (AV1215), not once per logout.
                LOG.log(Level.DEBUG, () -> Messages.logoutWithoutIdpLog(e.getMessage()));
                String message = e.getIdpStatus().isPresent() ? Messages.logoutRefused(e.getIdpStatus().getAsInt())
                        : Messages.logoutUnreached();
                return Json.createObjectBuilder().add("called", true).add("reached", e.getIdpStatus().isPresent())
                        .add("success", false).add("message", message);
            } catch (Throwable e) {
                // Best effort by contract: whatever breaks here (an Error too: without the REST client
                // feature it is a NoClassDefFoundError), the browser is still logged out.
                LOG.log(Level.WARNING, Messages.revocationBrokeLog(redacted(e, refreshToken)));
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
            String location = location(request);
            if (!settings.idpLogout()) {
                return location;
            }
            String absolute = location.startsWith("/") ? RequestOrigin.own(request) + location : location;
            return config.idp().host() + "/api/auth/logout/redirect?post_logout_redirect_uri="
                    + URLEncoder.encode(absolute, StandardCharsets.UTF_8);
        }

        /** The request's access token, if it carries one readable one. */
        private Optional<String> accessToken(HttpServletRequest request) {
            try {
                return tokens.locate(request).map(TokenExtractor.AccessToken::value);
            } catch (NotAuthenticatedException e) {
                return Optional.empty();
            }
        }

        /**
         * The refresh tokens of a logout request: its cookies (every distinct one), else the form
         * field or JSON body field {@code refresh_token}. None when there is none, or the body is
         * not readable.
         */
        private List<String> refreshTokens(HttpServletRequest request) throws IOException {
            List<String> cookies = tokens.refreshTokenCookies(request);
            return cookies.isEmpty() ? refreshTokenField(request).map(List::of).orElse(List.of()) : cookies;
        }

        /** The form field or JSON body field {@code refresh_token}, if any. */
        private Optional<String> refreshTokenField(HttpServletRequest request) throws IOException {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/x-www-form-urlencoded")) {
                return Optional.ofNullable(parameter(request, REFRESH_TOKEN_FIELD)).filter(v -> !v.isBlank());
            }
            if (type.startsWith("application/json")) {
                byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    return Optional.empty();
                }
                try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                    JsonValue json = reader.readValue();
                    if (json instanceof JsonObject object && object.get(REFRESH_TOKEN_FIELD) instanceof JsonString token
                            && !token.getString().isBlank()) {
                        return Optional.of(token.getString());
                    }
                } catch (JsonException | IllegalStateException e) {
                    // not JSON after all: no token
                }
            }
            return Optional.empty();
        }

        /** A request parameter, or null when absent or not decodable (a malformed escape like %zz). */
        private static String parameter(HttpServletRequest request, String name) {
            try {
                return request.getParameter(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /**
         * Where to send the browser: the {@code redirect} parameter when it may be followed, else the
         * configured location; relative to the application.
         */
        private String location(HttpServletRequest request) {
            RedirectTargets targets = settings.targets();
            return targets.resolve(parameter(request, "redirect"), request.getContextPath())
                    .or(() -> targets.resolve(settings.redirect(), request.getContextPath()))
                    .orElse(request.getContextPath() + "/");
        }
    }
}
