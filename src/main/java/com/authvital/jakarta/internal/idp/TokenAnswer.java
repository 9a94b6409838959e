package com.authvital.jakarta.internal.idp;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * What {@code POST /oauth/token} answers (RFC 6749 §5.1): a code exchange or a refresh. The IdP
 * rotates the refresh token on every refresh, so {@code refreshToken} is always new.
 *
 * @param accessToken  the access token
 * @param tokenType    {@code Bearer}
 * @param expiresIn    the access token's lifetime in seconds
 * @param refreshToken the new refresh token
 * @param scope        the granted scopes
 * @param idToken      the ID token of a code exchange with {@code openid}; null on a refresh
 */
public record TokenAnswer(@JsonbProperty("access_token") String accessToken,
                          @JsonbProperty("token_type") String tokenType,
                          @JsonbProperty("expires_in") Long expiresIn,
                          @JsonbProperty("refresh_token") String refreshToken,
                          @JsonbProperty("scope") String scope,
                          @JsonbProperty("id_token") String idToken) {

    /** Never shows a token. */
    @Override
    public String toString() {
        return "TokenAnswer[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
