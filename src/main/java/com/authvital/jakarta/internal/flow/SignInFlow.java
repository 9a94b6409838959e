package com.authvital.jakarta.internal.flow;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.config.SignInSettings;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.http.ClientText;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.http.JsonAnswers;
import com.authvital.jakarta.internal.http.RedirectTargets;
import com.authvital.jakarta.internal.http.RequestOrigin;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.idp.TokenAnswer;
import com.authvital.jakarta.internal.idp.TokenBudget;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.DeviceRecords;
import com.authvital.jakarta.internal.session.Revocations;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import com.authvital.jakarta.internal.token.TokenExtractor;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signing a browser in with the IdP's authorization code flow and PKCE, for
 * {@code AuthVitalSignInServlet} and {@code AuthVitalCallbackServlet}: the sign-in sends the
 * browser to {@code /oauth/authorize} with a new {@code state}, {@code nonce} and PKCE
 * {@code S256} challenge, sealed into a short-lived cookie that only the callback's path gets;
 * the callback checks the state and the code's shape, exchanges the code with the verifier when
 * the {@link TokenBudget} allows it, checks the ID token and the access token, writes both token
 * cookies and sends the browser where it was going. Every failure is a page (or JSON) with a
 * message id, no token cookie set. One per application.
 */
public final class SignInFlow {

    /** The flow cookie's name, with {@code __Host-} before it when the cookies are {@code Secure}. */
    static final String FLOW_COOKIE = "authvital_signin";

    private static final System.Logger LOG = System.getLogger(SignInFlow.class.getName());
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /**
     * What an authorization code may look like: AuthVital's are UUIDs (36 characters), the
     * stand-in's 43 base64url ones. Wider than both, RFC 3986's unreserved characters, so that a
     * change of the IdP's format still passes; anything else is refused without an IdP call.
     */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._~-]{16,512}");

    private final AuthVitalConfig config;
    private final SignInSettings settings;
    private final IdpClient idp;
    private final TokenValidator validator;
    private final CookieWriter cookies;
    private final DeviceRecords devices;
    private final FlowCookie flows;
    private final RedirectTargets targets;
    private final Clock clock;
    /** This server's token calls: an exchange takes only what signed-in users' refreshes leave. */
    private final TokenBudget budget;
    private final SecureRandom random = new SecureRandom();
    /**
     * The flows whose code was exchanged, by the hash of their state, on any server of the
     * application, until their cookies expire anyway: the IdP takes a code presented twice for
     * theft and revokes every token of the user.
     */
    private final SessionStore store;
    private final Revocations revocations;

    public SignInFlow(AuthVitalConfig config, IdpClient idp, TokenValidator validator, Revocations revocations,
               CookieWriter cookies,
               DeviceRecords devices, SessionStore store, TokenBudget budget, Clock clock) {
        this.store = store;
        this.budget = budget;
        this.config = config;
        this.settings = config.signIn();
        this.idp = idp;
        this.validator = validator;
        this.revocations = revocations;
        this.cookies = cookies;
        this.devices = devices;
        this.flows = new FlowCookie(settings.flowKey());
        this.targets = config.logout().targets();
        this.clock = clock;
        if (settings.keyGenerated() && settings.enabled()) {
            LOG.log(System.Logger.Level.WARNING, Messages.flowKeyGenerated());
        }
    }

    /**
     * Sends the browser to the IdP's sign-in: {@code 302} to {@code /oauth/authorize}, the flow in
     * its cookie. The {@code redirect} parameter says where to go afterwards, when it is a path of
     * the application or an allowed URL (the logout's allow-list); else {@code authvital.signin.redirect}.
     */
    public void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            fail(request, response, 500, Messages.signInNotConfigured());
            return;
        }
        String context = request.getContextPath();
        String returnTo = targets.resolve(parameter(request, "redirect"), context)
                .or(() -> targets.resolve(settings.redirect(), context)).orElse(context + "/");
        String redirectUri = RequestOrigin.own(request) + context + settings.callbackPath().orElseThrow();
        FlowCookie.Flow flow = new FlowCookie.Flow(randomToken(), randomToken(), randomToken() + randomToken(),
                redirectUri, returnTo, clock.instant().plus(FlowCookie.LIFETIME));
        response.addHeader("Set-Cookie", flowCookie(request, flows.seal(flow), FlowCookie.LIFETIME));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", config.idp().host() + "/oauth/authorize"
                + "?response_type=code"
                + "&client_id=" + encode(config.idp().clientId())
                + "&redirect_uri=" + encode(redirectUri)
                + "&scope=" + encode(settings.scopes())
                + "&state=" + flow.state()
                + "&nonce=" + flow.nonce()
                + "&code_challenge=" + challenge(flow.verifier())
                + "&code_challenge_method=S256");
    }

    /**
     * Where the IdP sends the browser back: checks the flow, exchanges the code, sets the token
     * cookies and answers {@code 303} to where the user was going.
     */
    public void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            fail(request, response, 500, Messages.signInNotConfigured());
            return;
        }
        if (!store.reachable() && config.store().whenUnreachable() == StoreSettings.WhenUnreachable.REFUSE) {
            // The code would be marked exchanged in this server's memory alone: a repeated callback
            // on another server would exchange it again, and the IdP revokes the user's tokens for
            // that. The flow cookie stays, so the same answer can be tried once the store is back.
            response.setHeader("Retry-After", "5");
            fail(request, response, 503, Messages.signInWhileStoreUnreachable());
            return;
        }
        Optional<FlowCookie.Flow> sealed;
        try {
            sealed = TokenExtractor.onlyCookie(request, flowCookieName(), Messages::twoSignInFlows).flatMap(flows::open);
        } catch (NotAuthenticatedException e) {
            fail(request, response, 400, e.getMessage());
            return;
        }
        if (sealed.isEmpty()) {
            fail(request, response, 400, Messages.noSignInInProgress());
            return;
        }
        FlowCookie.Flow flow = sealed.get();
        String state = parameter(request, "state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII),
                flow.state().getBytes(StandardCharsets.US_ASCII))) {
            // The flow cookie stays: the browser's own answer from the IdP may still come.
            fail(request, response, 400, Messages.stateMismatch());
            return;
        }
        String code = parameter(request, "code");
        Optional<Refusal> refusal = refusal(flow, parameter(request, "error"), code);
        if (refusal.isPresent()) {
            clearFlowCookie(request, response); // one answer per flow, whatever it is
            fail(request, response, refusal.get().status(), refusal.get().message());
            return;
        }
        String spentKey = StoreKeys.of("state", flow.state());
        if (store.get(SessionStore.Region.SPENT, spentKey).isPresent()) {
            // A flow answered before: refused before it takes any of the budget, however often replayed.
            clearFlowCookie(request, response);
            fail(request, response, 400, Messages.noSignInInProgress());
            return;
        }
        // Before the state is spent and the cookie cleared: refused, nothing is lost, and the same
        // answer works after Retry-After; the code's single exchange stays guarded by the state below.
        TokenBudget.Decision allowed = budget.exchange(request.getRemoteAddr());
        if (!allowed.granted()) {
            response.setHeader("Retry-After", String.valueOf(allowed.retryAfterSeconds()));
            fail(request, response, 429, Messages.signInBudgetSpent(allowed.retryAfterSeconds()));
            return;
        }
        clearFlowCookie(request, response);
        boolean first;
        try {
            first = store.putIfAbsent(SessionStore.Region.SPENT, spentKey, "1", flow.expiresAt());
        } catch (IdpUnavailableException e) {
            fail(request, response, e.getStatus(), e.getMessage()); // the store at its bound: AV1510
            return;
        }
        if (!first) {
            // A second answer to one flow (a reload, a duplicated navigation) while the cookie
            // lasts: its code must not be exchanged twice, which the IdP takes for a replay.
            fail(request, response, 400, Messages.noSignInInProgress());
            return;
        }
        try {
            TokenAnswer tokens = idp.exchangeCode(code, flow.redirectUri(), flow.verifier());
            validator.checkIdToken(tokens.idToken(), flow.nonce());
            ValidatedToken access = validator.validate(tokens.accessToken());
            Instant now = clock.instant();
            Duration refreshLifetime = validator.refreshToken(tokens.refreshToken())
                    .map(refresh -> {
                        devices.signedIn(refresh.sessionId(), request.getHeader("User-Agent"),
                                request.getRemoteAddr(), now);
                        revocations.signedIn(refresh.sessionId(), tokens.accessToken(),
                                Instant.ofEpochMilli(access.expiresAt()), access.principal().getIssuedAtTime());
                        return Duration.between(now, refresh.expiresAt());
                    })
                    .orElse(Duration.ofSeconds(tokens.expiresIn()));
            cookies.setTokens(response, tokens.accessToken(), Duration.ofSeconds(tokens.expiresIn()),
                    tokens.refreshToken(), refreshLifetime);
        } catch (AuthVitalException e) {
            if (e instanceof RateLimitedException limited) {
                response.setHeader("Retry-After", String.valueOf(limited.getRetryAfter().toSeconds()));
            }
            if (ClientText.withheld(e)) {
                // DEBUG: the IdP client told the outage once, with this detail (AV1215).
                LOG.log(System.Logger.Level.DEBUG, () -> Messages.signInIdpFailureLog(e.getMessage()));
            }
            fail(request, response, e.getStatus(), ClientText.of(e));
            return;
        }
        if (request.getSession(false) != null) {
            // Session fixation: an id someone planted before the sign-in must be worth nothing after it.
            request.changeSessionId();
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", flow.returnTo());
    }

    /** Why the IdP's answer ends the flow without an exchange: expired, an error, no code or one of the wrong shape. */
    private Optional<Refusal> refusal(FlowCookie.Flow flow, String error, String code) {
        if (flow.expired(clock.instant())) {
            return Optional.of(new Refusal(400, Messages.signInExpired(FlowCookie.LIFETIME.toMinutes())));
        }
        if (error != null) {
            return Optional.of(new Refusal(403, Messages.signInRefused(error.matches("[a-z_]{1,64}") ? error : "an error")));
        }
        if (code == null || code.isBlank()) {
            return Optional.of(new Refusal(400, Messages.noCode()));
        }
        if (!CODE.matcher(code).matches()) {
            return Optional.of(new Refusal(400, Messages.malformedCode()));
        }
        return Optional.empty();
    }

    private record Refusal(int status, String message) {
    }

    private void clearFlowCookie(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", flowCookie(request, "", Duration.ZERO)
                + "; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /**
     * {@code SameSite=Lax}, whatever the token cookies' setting: the IdP's answer is a navigation
     * from another site, which a {@code Strict} cookie would miss.
     *
     * <p>With {@code Secure} cookies it is a {@code __Host-} cookie (RFC 6265bis §4.1.3.2): a
     * browser takes one only with {@code Secure}, {@code Path=/} and no {@code Domain}, so a
     * sibling sub-domain can neither set one for this host nor shadow it with a more specific path
     * (cookie tossing, which would sign the victim in as the attacker: login CSRF). The price is
     * {@code Path=/}: every request to the host carries the cookie during the sign-in's ten
     * minutes. Without {@code Secure} (local {@code http}) a browser would drop a {@code __Host-}
     * cookie, so it keeps its plain name and the callback's path, which no other request needs.
     */
    private String flowCookie(HttpServletRequest request, String value, Duration lifetime) {
        boolean secure = config.cookies().secure();
        return flowCookieName() + "=" + value + "; Max-Age=" + lifetime.toSeconds() + "; Path="
                + (secure ? "/" : request.getContextPath() + settings.callbackPath().orElse("/"))
                + (secure ? "; Secure" : "") + "; HttpOnly; SameSite=Lax";
    }

    private String flowCookieName() {
        return config.cookies().secure() ? "__Host-" + FLOW_COOKIE : FLOW_COOKIE;
    }

    /** A page for a browser, JSON for a client asking for it; never a token cookie. */
    private static void fail(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (JsonAnswers.wantsJson(request)) {
            JsonAnswers.error(response, "sign_in_failed", message);
            return;
        }
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sign-in failed</title></head><body><h1>Sign-in failed</h1><p>" + html(message)
                + "</p><p><a href=\"" + html(request.getContextPath() + "/") + "\">Back to the application</a></p>"
                + "</body></html>");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** RFC 7636 §4.2: {@code BASE64URL(SHA256(ASCII(verifier)))}. */
    static String challenge(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A request parameter, or null when absent or not decodable. */
    private static String parameter(HttpServletRequest request, String name) {
        try {
            return request.getParameter(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
