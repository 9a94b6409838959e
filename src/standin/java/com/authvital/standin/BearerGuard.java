package com.authvital.standin;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The IdP's bearer guard: reads {@code Authorization: Bearer <token>} (never a cookie), checks
 * the signature, issuer and expiry, and answers the IdP's exact 401 bodies. Like the real guard
 * it does not look at {@code token_type}, so a refresh token is accepted here.
 */
final class BearerGuard {

    static final String NO_TOKEN = "No access token provided";
    static final String INVALID_TOKEN = "Invalid or expired access token";

    /** A handler that runs only for a valid bearer token, with the token's {@code sub}. */
    interface Protected {
        void handle(IdpExchange call, List<String> params, String userId) throws IOException;
    }

    private final TokenService tokens;
    private final Faults faults;

    BearerGuard(TokenService tokens, Faults faults) {
        this.tokens = tokens;
        this.faults = faults;
    }

    /** Wraps a handler: authenticates, applies the user's injected fault, then runs it. */
    Router.Handler protect(Protected handler) {
        return (call, params) -> {
            String userId = authenticate(call);
            if (!faults.intercept(call, userId)) {
                handler.handle(call, params, userId);
            }
        };
    }

    /** The {@code sub} of a valid bearer token, or null when there is none (for the request log). */
    String subjectOrNull(IdpExchange call) {
        return token(call).flatMap(tokens::verify).map(JWTClaimsSet::getSubject).orElse(null);
    }

    private String authenticate(IdpExchange call) {
        // A header without the Bearer scheme counts as no token, as in the NestJS guard.
        String token = token(call).orElseThrow(() -> HttpProblem.unauthorized(NO_TOKEN));
        return tokens.verify(token)
                .map(JWTClaimsSet::getSubject)
                .orElseThrow(() -> HttpProblem.unauthorized(INVALID_TOKEN));
    }

    private static Optional<String> token(IdpExchange call) {
        return call.header("Authorization")
                .map(String::trim)
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith("bearer "))
                .map(h -> h.substring("bearer ".length()).trim())
                .filter(t -> !t.isEmpty());
    }
}
