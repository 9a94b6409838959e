package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What this server records when sessions end: a revocation through the sessions service, a
 * "log out everywhere", a logout; and whether a refresh token is still worth a call to the IdP.
 * Only this application's valid tokens write anything.
 */
public final class SessionEnds {

    private static final System.Logger LOG = System.getLogger(SessionEnds.class.getName());

    private final TokenValidator validator;
    private final Revocations revocations;
    private final List<String> audiences;
    private final Clock clock;

    /** @param audiences this application's client ids: a "log out everywhere" of another application's is not ours */
    public SessionEnds(TokenValidator validator, Revocations revocations, List<String> audiences, Clock clock) {
        this.validator = validator;
        this.revocations = revocations;
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
    }

    /** What a logout may do with a refresh token. */
    public enum RefreshTokenState {
        /** Not this application's valid refresh token: made up, forged, expired. Nothing to send. */
        INVALID,
        /** Valid, but spent here or its session revoked here: the IdP already revoked it. Nothing to send. */
        ENDED,
        /** A live session's: worth the IdP call. */
        LIVE
    }

    /**
     * Whether {@code token} is worth a logout at the IdP: a refresh token of this application
     * that the IdP signed, that has not expired, and that was neither spent nor revoked here. A
     * token an anonymous caller replays (a spent one of their own) costs no IdP call.
     *
     * @throws IdpUnavailableException when the IdP's keys cannot be had to tell
     */
    public RefreshTokenState refreshTokenState(String token) {
        Optional<TokenValidator.RefreshToken> session = validator.checkedRefreshToken(token);
        if (session.isEmpty()) {
            return RefreshTokenState.INVALID;
        }
        String id = session.get().sessionId();
        return revocations.spent(id).isPresent() || revocations.deniesSession(id)
                ? RefreshTokenState.ENDED : RefreshTokenState.LIVE;
    }

    /**
     * Before when the sessions of {@code accessToken}'s owner (in its tenant) are gone: AuthVital
     * took the user's access away (an event), and the refresh tokens of the sessions that began
     * before are refused here, even after AuthVital gave it back. Empty when it never did.
     */
    public Optional<Instant> sessionsGoneBefore(String accessToken) {
        AuthVitalPrincipal user = validator.validate(accessToken).principal();
        return revocations.access().lostUntil(user.getName(), user.tenantId().orElse(null));
    }

    /** These sessions were revoked at the IdP: their access tokens are refused here from now on. */
    public void revoked(Collection<String> sessionIds) {
        revocations.denySessions(sessionIds);
    }

    /**
     * The owner of {@code accessToken} had its sessions revoked, of every application or of
     * {@code applicationId}: unless that is another application, its tokens issued until now are
     * refused.
     */
    public void revokedAll(String accessToken, String applicationId) {
        if (applicationId == null || applicationId.isBlank() || audiences.contains(applicationId)) {
            revocations.denyUser(validator.validate(accessToken).principal().getName(), clock.instant());
        }
    }

    /**
     * A logout: the request's own access token and the sessions of {@code refreshTokens} are
     * refused here from now on, each only when it is this application's valid token: what an
     * anonymous caller makes up costs a check and writes nothing. Each is denied on its own, the
     * access token first; one the store cannot take (at its bound, or the shared cache out and its
     * kept writes full) is logged as AV1511 (ERROR) and does not stop the logout: the browser's
     * cookies are cleared all the same.
     */
    public void loggedOut(List<String> refreshTokens, Optional<String> accessToken) {
        accessToken.flatMap(this::validOrNone).ifPresent(token -> record(() -> revocations.denyToken(token)));
        for (String refreshToken : refreshTokens) {
            validator.sessionIdOf(refreshToken)
                    .ifPresent(sessionId -> record(() -> revocations.denySession(sessionId)));
        }
    }

    private static void record(Runnable denial) {
        try {
            denial.run();
        } catch (IdpUnavailableException e) {
            LOG.log(System.Logger.Level.ERROR, Messages.logoutNotRecordedLog(e.getMessage()));
        }
    }

    /** The token validated, if it is valid now; empty for one that is not (revoked already included), or cannot be checked now. */
    private Optional<ValidatedToken> validOrNone(String token) {
        try {
            return Optional.of(validator.validate(token));
        } catch (AuthVitalException e) {
            return Optional.empty();
        }
    }
}
