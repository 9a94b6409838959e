package com.authvital.jakarta.internal.flow;

import java.time.Instant;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * For tests on the client side: the value of a sign-in flow cookie as a server with {@code key}
 * (base64, the {@code authvital.signin.flow-key}) would seal it, so that a test can send one the
 * module made in every respect but the one under test (an expiry in the past, another nonce).
 */
public final class FlowCookies {

    /** The cookie's name. */
    public static final String NAME = SignInFlow.FLOW_COOKIE;

    private FlowCookies() {
    }

    /** A flow cookie's value. */
    public static String seal(String key, String state, String nonce, String verifier, String redirectUri,
                              String returnTo, Instant expiresAt) {
        return new FlowCookie(new SecretKeySpec(Base64.getDecoder().decode(key), "AES"))
                .seal(new FlowCookie.Flow(state, nonce, verifier, redirectUri, returnTo, expiresAt));
    }

    /** RFC 7636's S256 challenge of {@code verifier}. */
    public static String challenge(String verifier) {
        return SignInFlow.challenge(verifier);
    }
}
