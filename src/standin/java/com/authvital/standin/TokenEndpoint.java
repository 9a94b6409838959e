package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /oauth/token}, form-encoded or JSON: {@code grant_type=authorization_code}
 * ({@link CodeGrant}) and {@code grant_type=refresh_token} ({@link RefreshRotation}). Answers
 * {@code 200 {"access_token","token_type":"Bearer","expires_in","refresh_token","scope"}}, with
 * {@code id_token} after a code exchange with the {@code openid} scope; errors are the IdP's
 * NestJS shapes ({@code 400 "Unsupported grant_type"}, the grants' 401s). The route's injected
 * fault ({@code PUT /dev/token/fault}) answers instead of all this while it is set.
 */
final class TokenEndpoint {

    static final String TOKEN = "/oauth/token";

    /**
     * The outcome of a grant.
     *
     * @param user    who the tokens are for
     * @param session the session the refresh token names
     * @param idToken whether the answer carries an ID token
     * @param nonce   the ID token's nonce, or null
     */
    record Issued(User user, StoredSession session, boolean idToken, String nonce) {
    }

    private final TokenService tokens;
    private final CodeGrant codes;
    private final RefreshRotation refreshes;
    private final Faults faults;
    private final GrantStats stats;

    TokenEndpoint(TokenService tokens, CodeGrant codes, RefreshRotation refreshes, Faults faults, GrantStats stats) {
        this.tokens = tokens;
        this.codes = codes;
        this.refreshes = refreshes;
        this.faults = faults;
        this.stats = stats;
    }

    void register(Router router) {
        router.add("POST", TOKEN, (call, params) -> token(call));
    }

    private void token(IdpExchange call) throws IOException {
        Map<String, String> form = parameters(call);
        String grantType = form.get("grant_type");
        if ("refresh_token".equals(grantType)) {
            // Counted before the fault: a module retrying against an outage is still refreshing.
            stats.count(GrantStats.Counter.REFRESH_REQUESTS, refreshes.userOf(form));
        }
        if (faults.intercept(call, Faults.Route.TOKEN)) {
            return;
        }
        Issued issued;
        if ("authorization_code".equals(grantType)) {
            issued = codes.exchange(form);
        } else if ("refresh_token".equals(grantType)) {
            issued = refreshes.refresh(form);
        } else {
            throw HttpProblem.badRequest("Unsupported grant_type");
        }
        call.sendJson(200, answer(issued).build());
    }

    private JsonObjectBuilder answer(Issued issued) {
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("access_token", tokens.accessToken(issued.user(), issued.session()))
                .add("token_type", "Bearer")
                .add("expires_in", tokens.accessLifetime().toSeconds())
                .add("refresh_token", tokens.refreshToken(issued.session()))
                .add("scope", issued.session().scope());
        if (issued.idToken()) {
            answer.add("id_token", tokens.idToken(issued.user(), issued.session(), issued.nonce()));
        }
        return answer;
    }

    /** The form fields, or the string fields of a JSON body, as the IdP's body parsers give them. */
    private static Map<String, String> parameters(IdpExchange call) {
        if (call.isForm()) {
            return call.form();
        }
        Map<String, String> fields = new HashMap<>();
        call.jsonObject().forEach((name, value) -> {
            if (value instanceof JsonString) {
                fields.put(name, ((JsonString) value).getString());
            }
        });
        return fields;
    }
}
