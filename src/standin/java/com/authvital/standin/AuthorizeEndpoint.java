package com.authvital.standin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with the authorization code flow (RFC 6749 §4.1, PKCE per RFC 7636):
 * {@code GET /oauth/authorize} validates the request ({@link AuthorizeRequest}) and shows the
 * stand-in's sign-in page; the page posts back to {@code POST /oauth/authorize/login}, which
 * answers {@code 302 {redirect_uri}?code=..&state=..&session_state=..}, or
 * {@code ?error=access_denied&state=..} for "Deny". A request that does not validate gets a plain
 * 400 HTML page naming the problem, never a redirect.
 *
 * <p>The form, for tests that do without a browser: {@code application/x-www-form-urlencoded}
 * with the authorize parameters ({@code client_id}, {@code redirect_uri}, {@code response_type},
 * {@code scope}, {@code state}, {@code nonce}, {@code code_challenge},
 * {@code code_challenge_method}), validated again, and {@code decision}: {@code demo} (Demo User),
 * {@code second} (Second User) or {@code deny}. So a test may GET the page and post its fields,
 * or post the same parameters straight away.
 *
 * <p>A sign-in also sets the IdP-host cookie {@code idp_session} (a random marker; the page
 * always asks again), which the browser logout clears. The real IdP keeps a console session
 * behind it; the stand-in does not.
 */
final class AuthorizeEndpoint {

    static final String AUTHORIZE = "/oauth/authorize";
    static final String LOGIN = "/oauth/authorize/login";
    static final String DENY = "deny";

    private final Clients clients;
    private final DemoUsers users;
    private final AuthorizationCodes codes;
    private final SecureRandom random = new SecureRandom();

    AuthorizeEndpoint(Clients clients, DemoUsers users, AuthorizationCodes codes) {
        this.clients = clients;
        this.users = users;
        this.codes = codes;
    }

    void register(Router router) {
        router.add("GET", AUTHORIZE, (call, params) -> page(call))
                .add("POST", LOGIN, (call, params) -> decide(call));
    }

    private void page(IdpExchange call) throws IOException {
        Optional<AuthorizeRequest> request = validated(call, FormCodec.parse(call.rawQuery()));
        if (request.isPresent()) {
            call.sendHtml(200, AuthorizePage.render(request.get()));
        }
    }

    private void decide(IdpExchange call) throws IOException {
        Map<String, String> form = call.form();
        Optional<AuthorizeRequest> validated = validated(call, form);
        if (validated.isEmpty()) {
            return;
        }
        AuthorizeRequest request = validated.get();
        String decision = form.get("decision");
        Map<String, String> answer = new LinkedHashMap<>();
        if (DENY.equals(decision)) {
            answer.put("error", "access_denied");
        } else {
            Optional<User> user = users.byDecision(decision);
            if (user.isEmpty()) {
                call.sendHtml(400, Pages.page("Sign-in refused", "decision must be demo, second or deny"));
                return;
            }
            answer.put("code", codes.issue(request, user.get().id()));
            TokenCookies.setIdpSession(call, randomValue());
        }
        answer.put("state", request.state());
        if (!answer.containsKey("error")) {
            answer.put("session_state", randomValue());
        }
        call.redirect(302, withQuery(request.redirectUri(), answer));
    }

    /** The request, or empty when a 400 page has been sent instead. */
    private Optional<AuthorizeRequest> validated(IdpExchange call, Map<String, String> params) throws IOException {
        try {
            return Optional.of(AuthorizeRequest.parse(params, clients));
        } catch (HttpProblem refused) {
            call.sendHtml(400, Pages.page("Sign-in refused", refused.getMessage()));
            return Optional.empty();
        }
    }

    private static String withQuery(String uri, Map<String, String> params) {
        StringBuilder location = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
        params.forEach((name, value) -> {
            if (value != null) {
                location.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return location.substring(0, location.length() - 1);
    }

    private String randomValue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
