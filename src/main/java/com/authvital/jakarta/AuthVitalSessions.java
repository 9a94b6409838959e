package com.authvital.jakarta;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The AuthVital sessions API, in the SDK's words: {@code list} the caller's sessions (the current
 * one marked), {@code revoke} one, {@code revokeAll} ("log out everywhere"), {@code revokeOthers}
 * (every one but the current: "sign out other devices"), {@code logout} by refresh token. The
 * caller is the incoming request: its access token (the one {@link AuthVitalFilter} validated,
 * else the {@code Authorization: Bearer} header, else the {@code access_token} cookie) is
 * validated locally and forwarded to the IdP. A request without a valid access token fails with
 * {@link NotAuthenticatedException} before any call to the IdP, and a cross-site request with an
 * unsafe method ({@code POST}, {@code DELETE}…) that only the cookie authenticates with
 * {@link AccessDeniedException} ({@code AV1006}), unless its origin is in
 * {@code authvital.allowed-origins}.
 *
 * <pre>{@code
 * @Inject AuthVitalSessions sessions;
 *
 * SessionList mine = sessions.list(request);
 * mine.sessions().forEach(s -> log(s.userAgent() + " - " + s.ipAddress() + " - " + s.expiresAt()));
 * RevokeAllResult all = sessions.revokeAll(request);   // "Logged out of " + all.count() + " devices"
 * }</pre>
 *
 * <p>The module gives the application one implementation ({@code @Inject AuthVitalSessions});
 * a unit test gives its code a fake instead, which implements the five abstract methods (the
 * ones that take a response) and gets the short forms from their defaults:
 *
 * <pre>{@code
 * AuthVitalSessions fake = new AuthVitalSessions() {
 *     public SessionList list(HttpServletRequest q, HttpServletResponse r, String app) { return new SessionList(List.of(), 0); }
 *     public RevokeResult revoke(HttpServletRequest q, HttpServletResponse r, String id) { return new RevokeResult(true, "Revoked"); }
 *     public RevokeAllResult revokeAll(HttpServletRequest q, HttpServletResponse r, String app) { return new RevokeAllResult(true, "Revoked", 2); }
 *     public RevokeAllResult revokeOthers(HttpServletRequest q, HttpServletResponse r) { return new RevokeAllResult(true, "Revoked", 1); }
 *     public RevokeResult logout(String refreshToken) { return new RevokeResult(true, "Logged out"); }
 * };
 * }</pre>
 *
 * Every method throws an {@link AuthVitalException} subclass when it fails; none of them retries.
 * A JAX-RS application needs no exception mapper of its own: the module's answers each one with
 * its status and a JSON body (docs/jakarta-security.md).
 */
public interface AuthVitalSessions {

    /**
     * The caller's active sessions, newest first. Where the IdP records no user agent or address
     * (it does not for sessions made by signing in to an application), they come from what this
     * module saw when the user signed in on that device, and {@code createdAt} is the time of that
     * sign-in, not of the last refresh (the IdP's). Without the filter in front, an expired
     * access-token cookie is refreshed as the filter would, the new cookies set on
     * {@code response}. (Each method that takes a response does the same.)
     *
     * @param response      where refreshed token cookies go; {@code null} for no refresh
     * @param applicationId only this application's sessions; {@code null} or blank for all
     * @throws NotAuthenticatedException when the request has no valid access token
     */
    SessionList list(HttpServletRequest request, HttpServletResponse response, String applicationId);

    /**
     * Revokes one of the caller's sessions. Revoking an already revoked session is not an error:
     * the result's {@code success} is then {@code false}.
     *
     * @param response  where refreshed token cookies go; {@code null} for no refresh
     * @param sessionId a session's id, from {@link #list}
     * @throws SessionNotFoundException when there is no session with that id
     * @throws AccessDeniedException    when the session is another user's
     */
    RevokeResult revoke(HttpServletRequest request, HttpServletResponse response, String sessionId);

    /**
     * Revokes the caller's sessions: "log out everywhere". This browser's session is among them:
     * clear its cookies too ({@link AuthVitalCookies#clear}).
     *
     * @param response      where refreshed token cookies go; {@code null} for no refresh
     * @param applicationId only this application's sessions; {@code null} or blank for all
     */
    RevokeAllResult revokeAll(HttpServletRequest request, HttpServletResponse response, String applicationId);

    /**
     * Revokes every session of the caller but the current one ("sign out other devices"). The
     * IdP has no such call: the sessions are listed, then revoked a few at a time.
     *
     * @param response where refreshed token cookies go; {@code null} for no refresh
     * @return how many were revoked; {@code success} is false when some could not be
     * @throws NotAuthenticatedException when the request has no valid refresh token cookie, so
     *                                   that the current session cannot be told from the others
     */
    RevokeAllResult revokeOthers(HttpServletRequest request, HttpServletResponse response);

    /**
     * Logs out the session of a refresh token; needs no access token. Success for a missing or
     * invalid token, as the IdP answers; {@code success == false} for a session already revoked.
     * Only a refresh token that validates here (this IdP's signature, this application, not
     * expired) is sent to the IdP: a made-up one is answered here, at no cost to the
     * application's IdP rate limit.
     *
     * @param refreshToken the refresh token (the {@code refresh_token} cookie), or {@code null}
     */
    RevokeResult logout(String refreshToken);

    /** The caller's active sessions for every application, newest first: {@code list(request, null, null)}. */
    default SessionList list(HttpServletRequest request) {
        return list(request, null, null);
    }

    /** The caller's active sessions of one application, or of all for {@code null}: {@code list(request, null, applicationId)}. */
    default SessionList list(HttpServletRequest request, String applicationId) {
        return list(request, null, applicationId);
    }

    /** Revokes one of the caller's sessions: {@code revoke(request, null, sessionId)}. */
    default RevokeResult revoke(HttpServletRequest request, String sessionId) {
        return revoke(request, null, sessionId);
    }

    /** Revokes all the caller's sessions, "log out everywhere": {@code revokeAll(request, null, null)}. */
    default RevokeAllResult revokeAll(HttpServletRequest request) {
        return revokeAll(request, null, null);
    }

    /** Revokes the caller's sessions of one application, or of all for {@code null}: {@code revokeAll(request, null, applicationId)}. */
    default RevokeAllResult revokeAll(HttpServletRequest request, String applicationId) {
        return revokeAll(request, null, applicationId);
    }

    /** Revokes every session of the caller but this device's: {@code revokeOthers(request, null)}. */
    default RevokeAllResult revokeOthers(HttpServletRequest request) {
        return revokeOthers(request, null);
    }
}
