package com.authvital.standin;

import java.util.List;
import java.util.Optional;

/**
 * The IdP's own cookies on its own host: {@code refresh_token} (whose session the browser logout
 * revokes; the stand-in never sets it, a test may), {@code idp_session} (set by a sign-in at
 * {@code /oauth/authorize}) and {@code auth_token} (which the real IdP sets; the stand-in only
 * clears it): reading, setting, clearing.
 * Set {@code HttpOnly; SameSite=Lax; Path=/} and not {@code Secure}: the stand-in serves plain
 * http on loopback, where a Secure cookie would never come back.
 */
final class TokenCookies {

    static final String ACCESS = "access_token";
    static final String REFRESH = "refresh_token";
    static final String IDP_SESSION = "idp_session";
    static final String AUTH_TOKEN = "auth_token";

    private static final String ATTRIBUTES = "; Path=/; HttpOnly; SameSite=Lax";

    private TokenCookies() {
    }

    /** The value of a request cookie, from any of the {@code Cookie} headers. */
    static Optional<String> read(IdpExchange call, String name) {
        List<String> headers = call.headers("Cookie");
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim()).filter(v -> !v.isEmpty());
                }
            }
        }
        return Optional.empty();
    }

    static void setIdpSession(IdpExchange call, String marker) {
        call.addHeader("Set-Cookie", IDP_SESSION + "=" + marker + ATTRIBUTES);
    }

    /** Clears both token cookies the way Express's {@code res.clearCookie} does, with Max-Age=0 as well. */
    static void clear(IdpExchange call) {
        clear(call, List.of(ACCESS, REFRESH));
    }

    /** Clears every cookie of a browser's sign-in at the IdP, as its browser logout does. */
    static void clearAll(IdpExchange call) {
        clear(call, List.of(IDP_SESSION, AUTH_TOKEN, ACCESS, REFRESH));
    }

    private static void clear(IdpExchange call, List<String> names) {
        for (String name : names) {
            call.addHeader("Set-Cookie",
                    name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + ATTRIBUTES);
        }
    }
}
