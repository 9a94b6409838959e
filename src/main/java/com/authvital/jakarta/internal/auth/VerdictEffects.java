package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every caller of {@link Authenticator#decide} does with the verdict before its own answer:
 * the token cookies it sets or clears, through the one cookie writer, and what the rest of the
 * request may ask (the user, the refresh, a refresh's failure).
 */
final class VerdictEffects {

    private final CookieWriter cookies;

    VerdictEffects(CookieWriter cookies) {
        this.cookies = cookies;
    }

    /**
     * Writes the verdict's cookies on {@code response} and records on {@code request}: the user
     * ({@link ValidatedToken#ATTRIBUTE}), a refresh ({@link Authenticator#REFRESHED}, for the current
     * session), a refresh that failed ({@link Authenticator#REFRESH_FAILED}, for a call to the IdP
     * with this token later) and that the cookies were written ({@link Authenticator#TOKEN_COOKIES_WRITTEN}).
     */
    void apply(Verdict verdict, HttpServletRequest request, HttpServletResponse response) {
        CookieChange change = verdict.cookies();
        if (change instanceof CookieChange.Write write) {
            request.setAttribute(Authenticator.TOKEN_COOKIES_WRITTEN, Boolean.TRUE);
            cookies.setTokens(response, write.accessToken(), write.accessTokenLifetime(), write.refreshToken(),
                    write.refreshTokenLifetime());
            request.setAttribute(Authenticator.REFRESHED, write.refresh());
        } else if (change instanceof CookieChange.Clear) {
            request.setAttribute(Authenticator.TOKEN_COOKIES_WRITTEN, Boolean.TRUE);
            cookies.clear(response);
        }
        if (verdict instanceof Verdict.Authenticated authenticated) {
            request.setAttribute(ValidatedToken.ATTRIBUTE, authenticated.user());
            authenticated.refreshFailure()
                    .ifPresent(failure -> request.setAttribute(Authenticator.REFRESH_FAILED, failure));
        } else if (verdict instanceof Verdict.Refreshed refreshed) {
            request.setAttribute(ValidatedToken.ATTRIBUTE, refreshed.user());
        }
    }

    @Override
    public String toString() {
        return "VerdictEffects[" + cookies + "]";
    }
}
