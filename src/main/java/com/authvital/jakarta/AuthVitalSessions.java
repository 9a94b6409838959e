package com.authvital.jakarta;

import com.authvital.jakarta.internal.auth.Authenticator;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.DeviceRecords;
import com.authvital.jakarta.internal.session.SessionEnds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The AuthVital sessions API: list the caller's sessions (the current one marked), revoke one,
 * revoke all ("log out everywhere"), revoke all but the current one ("sign out other devices"),
 * log out by refresh token. The caller is the incoming request: its access token
 * (the one {@link AuthVitalFilter} validated, else the {@code Authorization: Bearer} header, else
 * the {@code access_token} cookie) is validated locally and forwarded to the IdP. A request without
 * a valid access token fails with {@link NotAuthenticatedException} before any call to the IdP,
 * and a cross-site request with an unsafe method ({@code POST}, {@code DELETE}…) that only the
 * cookie authenticates with {@link AccessDeniedException} ({@code AV1006}), unless its origin is
 * in {@code authvital.allowed-origins}.
 *
 * <pre>{@code
 * @Inject AuthVitalSessions sessions;
 *
 * SessionList mine = sessions.list(request);
 * mine.sessions().forEach(s -> log(s.userAgent() + " - " + s.ipAddress() + " - " + s.expiresAt()));
 * RevokeAllResult all = sessions.revokeAll(request);   // "Logged out of " + all.count() + " devices"
 * }</pre>
 *
 * Every method throws an {@link AuthVitalException} subclass when it fails; none of them retries.
 */
@ApplicationScoped
public class AuthVitalSessions {

    /** How many revocations {@link #signOutOtherDevices} has under way at once. */
    private static final int PARALLEL_REVOCATIONS = 4;

    private Authenticator authenticator;
    private SessionEnds ends;
    private IdpClient idp;
    private DeviceRecords devices;

    /** For CDI's client proxy only. */
    protected AuthVitalSessions() {
    }

    @Inject
    AuthVitalSessions(Authenticator authenticator, SessionEnds ends, IdpClient idp, DeviceRecords devices) {
        this.authenticator = authenticator;
        this.ends = ends;
        this.idp = idp;
        this.devices = devices;
    }

    /** The caller's active sessions for every application, newest first. */
    public SessionList list(HttpServletRequest request) {
        return list(request, null);
    }

    /**
     * The caller's active sessions, newest first. Where the IdP records no user agent or address
     * (it does not for sessions made by signing in to an application), they come from what this
     * module saw when the user signed in on that device, and {@code createdAt} is the time of that
     * sign-in, not of the last refresh (the IdP's).
     *
     * @param applicationId only this application's sessions; {@code null} or blank for all
     */
    public SessionList list(HttpServletRequest request, String applicationId) {
        return list(request, (HttpServletResponse) null, applicationId);
    }

    /**
     * The caller's active sessions, newest first, as {@link #list(HttpServletRequest, String)};
     * without the filter in front, an expired access-token cookie is refreshed as the filter would,
     * the new cookies set on {@code response}. (Each call that takes a response does the same.)
     *
     * @param applicationId only this application's sessions; {@code null} or blank for all
     */
    public SessionList list(HttpServletRequest request, HttpServletResponse response, String applicationId) {
        SessionList list = idp.list(token(request, response), blankToNull(applicationId));
        Optional<String> current = authenticator.currentSessionId(request);
        return new SessionList(list.sessions().stream()
                .map(this::withDevice)
                .map(s -> current.isEmpty() ? s : s.withCurrent(s.id().equals(current.get()))).toList(), list.count());
    }

    private Session withDevice(Session session) {
        return devices.find(session.id()).map(device -> new Session(session.id(),
                        device.firstSignIn(),
                        session.expiresAt(),
                        session.userAgent() != null ? session.userAgent() : device.userAgent(),
                        session.ipAddress() != null ? session.ipAddress() : device.ipAddress(),
                        session.tenant(), session.current()))
                .orElse(session);
    }

    /**
     * Revokes every session of the caller but the current one ("sign out other devices"). The
     * IdP has no such call: the sessions are listed, then revoked a few at a time.
     *
     * @return how many were revoked; {@code success} is false when some could not be
     * @throws NotAuthenticatedException when the request has no valid refresh token cookie, so
     *                                   that the current session cannot be told from the others
     */
    public RevokeAllResult signOutOtherDevices(HttpServletRequest request) {
        return signOutOtherDevices(request, null);
    }

    /** As {@link #signOutOtherDevices(HttpServletRequest)}, refreshing the caller's tokens onto {@code response} when needed. */
    public RevokeAllResult signOutOtherDevices(HttpServletRequest request, HttpServletResponse response) {
        String token = token(request, response);
        String current = authenticator.currentSessionId(request).orElseThrow(() -> new NotAuthenticatedException(null, List.of(),
                Messages.unknownCurrentSession()));
        List<String> others = idp.list(token, null).sessions().stream().map(Session::id)
                .filter(id -> !id.equals(current)).toList();
        // The IdP's ids are checked like a caller's: "." or ".." would reach another endpoint.
        List<String> revocable = others.stream().filter(AuthVitalSessions::namesASession).toList();
        List<IdpClient.Outcome> outcomes = new ArrayList<>(idp.revokeEach(token, revocable, PARALLEL_REVOCATIONS));
        ends.revoked(outcomes.stream().filter(o -> o.result() != null && o.sessionId() != null)
                .map(IdpClient.Outcome::sessionId).toList());
        if (revocable.size() < others.size()) {
            outcomes.add(new IdpClient.Outcome(null, null, new IdpUnavailableException(502, null, List.of(),
                    Messages.unusableListedIds(others.size() - revocable.size()), null)));
        }
        long revoked = outcomes.stream().filter(o -> o.result() != null && o.result().success()).count();
        Optional<AuthVitalException> failure = outcomes.stream().map(IdpClient.Outcome::failure)
                .filter(Objects::nonNull).findFirst();
        if (failure.isPresent() && revoked == 0) {
            throw failure.get();
        }
        return new RevokeAllResult(failure.isEmpty(), failure.isEmpty() ? "Revoked " + revoked + " other session(s)"
                : "Revoked " + revoked + " of " + others.size() + " other session(s); the rest failed: "
                + failure.get().getMessage(), (int) revoked);
    }

    /**
     * Revokes one of the caller's sessions. Revoking an already revoked session is not an error:
     * the result's {@code success} is then {@code false}.
     *
     * @throws SessionNotFoundException when there is no session with that id
     * @throws AccessDeniedException    when the session is another user's
     */
    public RevokeResult revoke(HttpServletRequest request, String sessionId) {
        return revoke(request, (HttpServletResponse) null, sessionId);
    }

    /** As {@link #revoke(HttpServletRequest, String)}, refreshing the caller's tokens onto {@code response} when needed. */
    public RevokeResult revoke(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        String token = token(request, response);
        if (!namesASession(sessionId)) {
            throw new SessionNotFoundException(null, List.of(), Messages.notASessionId(sessionId == null ? "" : sessionId));
        }
        RevokeResult result = idp.revoke(token, sessionId);
        ends.revoked(List.of(sessionId));
        return result;
    }

    /**
     * RFC 3986 §5.2.4 removes "." and ".." segments, encoded or not (§2.3: %2E is "."), so no
     * encoding keeps them one segment of the revoke endpoint; no IdP issues such ids.
     */
    private static boolean namesASession(String id) {
        return id != null && !id.isBlank() && !id.equals(".") && !id.equals("..");
    }

    /** Revokes all the caller's sessions: "log out everywhere". */
    public RevokeAllResult revokeAll(HttpServletRequest request) {
        return revokeAll(request, null);
    }

    /**
     * Revokes the caller's sessions.
     *
     * @param applicationId only this application's sessions; {@code null} or blank for all
     */
    public RevokeAllResult revokeAll(HttpServletRequest request, String applicationId) {
        return revokeAll(request, (HttpServletResponse) null, applicationId);
    }

    /** As {@link #revokeAll(HttpServletRequest, String)}, refreshing the caller's tokens onto {@code response} when needed. */
    public RevokeAllResult revokeAll(HttpServletRequest request, HttpServletResponse response, String applicationId) {
        String token = token(request, response);
        RevokeAllResult result = idp.revokeAll(token, blankToNull(applicationId));
        ends.revokedAll(token, applicationId);
        return result;
    }

    /** The caller's access token; refreshed onto {@code response} when there is one to write to. */
    private String token(HttpServletRequest request, HttpServletResponse response) {
        return response == null ? authenticator.callerToken(request) : authenticator.callerToken(request, response);
    }

    /**
     * Logs out the session of a refresh token; needs no access token. Success for a missing or
     * invalid token, as the IdP answers; {@code success == false} for a session already revoked.
     * Only a refresh token that validates here (this IdP's signature, this application, not
     * expired) is sent to the IdP: a made-up one is answered here, at no cost to the
     * application's IdP rate limit.
     *
     * @param refreshToken the refresh token (the {@code refresh_token} cookie), or {@code null}
     */
    public RevokeResult logout(String refreshToken) {
        String token = blankToNull(refreshToken);
        if (token == null) {
            return new RevokeResult(true, "Logged out (no active session)"); // the IdP's words for no token
        }
        return switch (ends.refreshTokenState(token)) {
            case INVALID -> new RevokeResult(true, "Logged out"); // the IdP's words for an invalid, expired or forged token
            case ENDED -> new RevokeResult(false, "Session not found or already revoked"); // and for a revoked one
            case LIVE -> idp.logout(token);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
