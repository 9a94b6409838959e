package com.authvital.jakarta.internal.service;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionList;
import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.jakarta.internal.auth.Authenticator;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.DeviceRecords;
import com.authvital.jakarta.internal.session.SessionEnds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.time.Instant;
import java.util.Optional;

/**
 * The module's {@link AuthVitalSessions}: the caller's token from the authenticator, the call
 * through the IdP client, and what this server records of the sessions that end. One per
 * application.
 */
public final class SessionsService implements AuthVitalSessions {

    /** How many revocations {@link #revokeOthers} has under way at once. */
    private static final int PARALLEL_REVOCATIONS = 4;

    private final Authenticator authenticator;
    private final SessionEnds ends;
    private final IdpClient idp;
    private final DeviceRecords devices;

    /** Over the application's one authenticator, session records and IdP client. */
    public SessionsService(Authenticator authenticator, SessionEnds ends, IdpClient idp, DeviceRecords devices) {
        this.authenticator = authenticator;
        this.ends = ends;
        this.idp = idp;
        this.devices = devices;
    }

    @Override
    public SessionList list(HttpServletRequest request, HttpServletResponse response, String applicationId) {
        String token = token(request, response);
        SessionList list = idp.list(token, blankToNull(applicationId));
        Optional<String> current = authenticator.currentSessionId(request);
        // Sessions that began before AuthVital took the user's access away cannot come back: not listed.
        Optional<Instant> goneBefore = ends.sessionsGoneBefore(token);
        List<Session> sessions = list.sessions().stream()
                .filter(s -> goneBefore.isEmpty() || !s.createdAt().isBefore(goneBefore.get()))
                .map(this::withDevice)
                .map(s -> current.isEmpty() ? s : s.withCurrent(s.id().equals(current.get()))).toList();
        return new SessionList(sessions, list.count() - (list.sessions().size() - sessions.size()));
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

    @Override
    public RevokeAllResult revokeOthers(HttpServletRequest request, HttpServletResponse response) {
        String token = token(request, response);
        String current = authenticator.currentSessionId(request).orElseThrow(() -> new NotAuthenticatedException(null, List.of(),
                Messages.unknownCurrentSession()));
        List<String> others = idp.list(token, null).sessions().stream().map(Session::id)
                .filter(id -> !id.equals(current)).toList();
        // The IdP's ids are checked like a caller's: "." or ".." would reach another endpoint.
        List<String> revocable = others.stream().filter(SessionsService::namesASession).toList();
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

    @Override
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

    @Override
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

    @Override
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
