package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.SignInRequiredException;
import com.authvital.jakarta.internal.idp.TokenAnswer;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.Revocations;
import com.authvital.jakarta.internal.session.TokenRefresher;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a request whose refresh token cookie is to be exchanged: new cookies and the new
 * token's user, or why not. An outage or a sign-in the IdP asks for does not sign out a user whose
 * access token is still valid here; a refusal, or a session revoked here, clears both cookies.
 */
final class SilentRefresh {

    /** The refresh cookie's lifetime when the new refresh token's {@code exp} could not be checked: the IdP's usual. */
    static final Duration UNCHECKED_REFRESH_LIFETIME = Duration.ofDays(7);

    private static final System.Logger LOG = System.getLogger(SilentRefresh.class.getName());

    /** The call that exchanges a refresh token: {@link TokenRefresher#refresh}, a fake in unit tests. */
    @FunctionalInterface
    interface Call {
        TokenRefresher.Refreshed refresh(String refreshToken, TokenValidator.RefreshToken session);
    }

    private final Call refresher;
    private final TokenValidator validator;
    private final Revocations revocations;
    private final Clock clock;

    SilentRefresh(Call refresher, TokenValidator validator, Revocations revocations, Clock clock) {
        this.refresher = refresher;
        this.validator = validator;
        this.revocations = revocations;
        this.clock = clock;
    }

    /**
     * Exchanges {@code refreshToken}, this application's valid refresh token of {@code session}.
     *
     * @param user the request's access token, valid here but expiring soon; null when it has none valid
     */
    Verdict refresh(String refreshToken, TokenValidator.RefreshToken session, ValidatedToken user) {
        if (revocations.deniesSession(session.sessionId())) {
            // Signed out here: its refresh token is not sent to the IdP, whatever the IdP did.
            return new Verdict.Refused(new NotAuthenticatedException(null, List.of(), Messages.tokenRevokedHere()),
                    true, CookieChange.CLEAR);
        }
        if (revocations.access().refusesRefresh(session.userId(), session.tenantId(), session.issuedAt())) {
            // AuthVital took the user's access away since the token was issued: not sent to the IdP either.
            return new Verdict.Refused(new NotAuthenticatedException(null, List.of(), Messages.accessLostAtIdp()),
                    true, CookieChange.CLEAR);
        }
        TokenRefresher.Refreshed refreshed;
        try {
            refreshed = refresher.refresh(refreshToken, session);
        } catch (SignInRequiredException e) {
            // Nothing was revoked: the cookies stay for after the sign-in; the user is signed in for a while yet.
            return user != null ? new Verdict.Authenticated(user) : new Verdict.Refused(e, true, CookieChange.KEEP);
        } catch (NotAuthenticatedException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> Messages.refreshRefusedLog(e.getMessage()));
            return new Verdict.Refused(e, true, CookieChange.CLEAR);
        } catch (IdpUnavailableException e) {
            // DEBUG: the outage itself is told once, when it starts and ends (AV1215, AV1501, AV1423).
            LOG.log(System.Logger.Level.DEBUG, () -> Messages.refreshUnavailableLog(e.getMessage()));
            // An outage does not sign anyone out.
            return user != null ? new Verdict.Authenticated(user, Optional.of(e)) : new Verdict.Unavailable(e);
        }
        // The new cookies whatever comes next: the old refresh token is spent, whether or not the
        // new access token can be checked right now.
        TokenAnswer tokens = refreshed.tokens();
        CookieChange.Write cookies = new CookieChange.Write(refreshed, Duration.ofSeconds(tokens.expiresIn()),
                refreshed.newSession().map(next -> Duration.between(clock.instant(), next.expiresAt()))
                        .orElse(UNCHECKED_REFRESH_LIFETIME));
        try {
            return new Verdict.Refreshed(validator.validate(tokens.accessToken()), cookies);
        } catch (NotAuthenticatedException e) {
            // A user AuthVital cut off gets no cookies to come back with: each would be refreshed again.
            return new Verdict.Refused(e, true, Messages.accessLostAtIdp().equals(e.getMessage()) ? CookieChange.CLEAR : cookies);
        } catch (IdpUnavailableException e) {
            return new Verdict.Unavailable(e, cookies);
        }
    }

    @Override
    public String toString() {
        return "SilentRefresh";
    }
}
