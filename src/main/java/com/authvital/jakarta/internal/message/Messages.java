package com.authvital.jakarta.internal.message;

import java.util.List;

/**
 * Every message of the module, to a caller in an exception, to a client in an answer or to the
 * server log: one method per id, and an id names one condition. A log line may add detail after
 * the message (the failure, the origins seen), never a token. No message holds a token, a
 * cookie value or an {@code Authorization} header. {@code docs/messages.md} says what to do about
 * each; {@code MessagesTest} keeps the two in step and no id outside this class.
 *
 * <p>An id ends in its severity letter, Open Liberty's way ({@code CWWKZ0001I}): {@code I}
 * informational, {@code W} a warning (the module goes on), {@code E} an error (the call failed,
 * or something must be fixed). A message logged at INFO or above takes the letter of the highest
 * level it is logged at; one only thrown to a caller or sent to a client, a deployment failure
 * and a bug of the module take {@code E}; one logged at FINE only takes {@code I}.
 *
 * <ul>
 * <li>{@code AV00xx}: deployment and wiring;</li>
 * <li>{@code AV10xx}: the request and its tokens;</li>
 * <li>{@code AV11xx}: the IdP refused;</li>
 * <li>{@code AV12xx}: the IdP cannot be reached or answers what it should not;</li>
 * <li>{@code AV13xx}: the logout servlet's answers;</li>
 * <li>{@code AV14xx}: sign-in and refresh;</li>
 * <li>{@code AV15xx}: the store the servers share;</li>
 * <li>{@code AV16xx}: AuthVital's events (its signed webhooks);</li>
 * <li>{@code AV19xx}: the module's own bugs.</li>
 * </ul>
 */
public final class Messages {

    private Messages() {
    }

    // AV00xx: deployment and wiring

    /** AV0001: the configuration problems found at deployment, each naming its key. */
    public static String misconfigured(List<String> problems) {
        return "AV0001E: AuthVital is not configured right:\n - " + String.join("\n - ", problems);
    }

    /** AV0002: the filter was instantiated by something other than the container. */
    public static String filterNotFromCdi() {
        return "AV0002E: AuthVitalFilter was not created by the container with CDI: map it by class (web.xml, "
                + "ServletContext.addFilter(name, AuthVitalFilter.class)) in a CDI-enabled application";
    }

    /** AV0003: {@code AuthVitalFilter.register} found the filter's name taken. */
    public static String filterNameTaken(String name) {
        return "AV0003E: a filter named '" + name + "' is already registered: map AuthVitalFilter once";
    }

    /** AV0004: application code asked to write a cookie value a browser would mangle. */
    public static String badCookieValue() {
        return "AV0004E: a token cookie value must be RFC 6265 cookie-octets";
    }

    /** AV0005: one of the module's servlets was instantiated by something other than the container. */
    public static String servletNotFromCdi(String type) {
        return "AV0005E: " + type + " was not created by the container with CDI: map it by class in a "
                + "CDI-enabled application";
    }

    /** AV0006: a servlet's {@code register} found the servlet's name taken. */
    public static String servletNameTaken(String name, String type) {
        return "AV0006E: a servlet named '" + name + "' is already registered: map " + type + " once";
    }

    /**
     * AV0007: a {@code @RolesAllowed} bean method was called without a caller, in an application
     * where the module can establish none: no mechanism, no filter mapped (401; logged once, WARNING).
     */
    public static String rolesWithoutCallerSource(String method) {
        return "AV0007W: " + method + " needs a caller in a role (@RolesAllowed), but neither the AuthVital mechanism "
                + "nor its filter is there to establish one, so the module refuses every call without a container "
                + "login: set '" + ConfigKeys.JAKARTA_SECURITY + "=true', or map AuthVitalFilter ('"
                + ConfigKeys.FILTER_URL_PATTERNS + "', web.xml or AuthVitalFilter.register)";
    }

    /** AV0008: bean methods that {@code @RolesAllowed} or {@code @DenyAll} cover but no interceptor can reach. */
    public static String uncheckableRoleMethods(List<String> methods) {
        return "AV0008E: these bean methods are covered by @RolesAllowed or @DenyAll but are final, so no interceptor "
                + "can check their caller: " + String.join(", ", methods) + "; make them non-final";
    }

    // AV10xx: the request and its tokens

    /** AV1001: the request carries no access token. */
    public static String noAccessToken(String cookieName) {
        return "AV1001E: the request carries no access token: send 'Authorization: Bearer <token>' or the '"
                + cookieName + "' cookie; the user may have to sign in";
    }

    /** AV1002: header and cookie hold different tokens. */
    public static String twoAccessTokens() {
        return "AV1002E: the request carries different access tokens (Authorization header and cookie): send only one";
    }

    /** AV1003: the {@code Authorization: Bearer} header is not one token. */
    public static String malformedBearer() {
        return "AV1003E: the Authorization header is not a valid Bearer token: send 'Authorization: Bearer <access token>'";
    }

    /** AV1004: the access token fails local validation, for the reason given. */
    public static String invalidAccessToken(String why) {
        return "AV1004E: the access token is not valid: " + why + "; sign the user in again";
    }

    /**
     * The reasons of {@link #invalidAccessToken} and {@link #invalidIdToken} that quote what the
     * token carried beside what was expected, so that a mismatch of configuration shows at once.
     */
    public static final class TokenReasons {

        /** How much of one claim a token carried a reason quotes: a token is attacker input. */
        static final int MAX_QUOTED_CLAIM = 120;
        /** How many values of a claim's array a reason quotes. */
        static final int MAX_QUOTED_VALUES = 4;

        private TokenReasons() {
        }

        /**
         * An AV1004 or AV1008 reason: the token's {@code iss} is not the expected issuer. Names both,
         * so that {@code http://localhost:9180} against {@code http://127.0.0.1:9180} shows at once;
         * issuers are URLs, not secrets. What the token carried is quoted by {@link #claim}.
         */
        public static String issuerMismatch(Object carried, String expected) {
            return "it was issued by " + claim(carried) + ", not by '" + expected + "' ('" + ConfigKeys.ISSUER
                    + "', by default '" + ConfigKeys.HOST + "', compared exactly)";
        }

        /**
         * An AV1004 or AV1008 reason: the token's {@code aud} names none of the audiences accepted.
         * Names both; what the token carried is quoted by {@link #claim}.
         *
         * @param settings the keys that gave the accepted audiences
         */
        public static String audienceMismatch(Object carried, List<String> accepted, List<String> settings) {
            return "it is not meant for this application: its 'aud' is " + claim(carried) + ", none of "
                    + claim(accepted) + " ('" + String.join("', '", settings) + "')";
        }

        /**
         * A claim of a token as a reason quotes it: a string within {@value #MAX_QUOTED_CLAIM} characters,
         * without control or format characters (no line breaks in a log line, no bidi overrides), in
         * quotes; an array as its first {@value #MAX_QUOTED_VALUES} values; "none" when it is missing.
         */
        static String claim(Object value) {
            if (value == null) {
                return "none";
            }
            if (value instanceof List<?> list) {
                StringBuilder quoted = new StringBuilder("[");
                for (int i = 0; i < list.size() && i < MAX_QUOTED_VALUES; i++) {
                    quoted.append(i == 0 ? "" : ", ").append(claim(list.get(i)));
                }
                return quoted.append(list.size() > MAX_QUOTED_VALUES ? ", ...]" : "]").toString();
            }
            String text = String.valueOf(value).replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "");
            return "'" + (text.length() > MAX_QUOTED_CLAIM ? text.substring(0, MAX_QUOTED_CLAIM) + "..." : text) + "'";
        }
    }

    /** AV1008: a sign-in's ID token fails validation, for the reason given. */
    public static String invalidIdToken(String why) {
        return "AV1008E: the sign-in's ID token is not valid: " + why + "; start the sign-in again";
    }

    /** AV1009: a CDI bean method's {@code @RolesAllowed} or {@code @DenyAll} refused the caller. */
    public static String roleMissing(String method, List<String> roles) {
        return "AV1009E: the caller may not call " + method + (roles.isEmpty() ? " (@DenyAll)" : ": it needs one of the roles "
                + String.join(", ", roles));
    }

    /** AV1010: a {@code @RolesAllowed} CDI bean method was called without a caller. */
    public static String roleWithoutCaller(String method) {
        return "AV1010E: " + method + " needs a signed-in caller (@RolesAllowed): sign the user in";
    }

    /** AV1011: a valid access token of a session revoked here (logout, revoke, sign out others, revoke all). */
    public static String tokenRevokedHere() {
        return "AV1011E: the access token's session was signed out (a logout, a revocation or 'log out everywhere'): "
                + "sign the user in again";
    }

    /** AV1013: a token of a user whose access AuthVital took away after it was issued (an event). */
    public static String accessLostAtIdp() {
        return "AV1013E: AuthVital took the user's access away (suspended, removed, or the application or a licence "
                + "revoked) after this token was issued: sign the user in again once AuthVital gives it back";
    }

    /** AV1014: a token issued before the user's roles changed at AuthVital (an event). */
    public static String tokenStaleRoles() {
        return "AV1014E: the user's roles changed at AuthVital after this token was issued: refresh it "
                + "(the module refreshes a browser's cookies by itself)";
    }

    /**
     * AV1012: the module's JAX-RS exception mapper answered 403 (FINE): who the caller is to the
     * module and its groups, to tell a missing role from a wrong mapping. Never a token.
     */
    public static String forbiddenCallerLog(String request, String reason, String caller, List<String> groups) {
        return "AV1012I: answered 403 to " + request + " (" + reason + "); the caller " + caller + " has the groups "
                + groups + ": give the user the role at the IdP, or check '" + ConfigKeys.ROLES_CLAIMS + "' and '"
                + ConfigKeys.rolesPrefix("app_roles") + "'";
    }

    /** AV1005: no valid refresh token cookie tells which session is this device's. */
    public static String unknownCurrentSession() {
        return "AV1005E: this device's session is unknown: the request has no valid refresh token cookie, "
                + "so no session can be kept; sign in again";
    }

    /** AV1006: a cross-site request that only the cookie authenticates tried to change something. */
    public static String crossSiteRefused(String cookieName) {
        return "AV1006E: a request from another site may not change anything with the '" + cookieName
                + "' cookie: send it from the application's own pages, list its origin in '"
                + ConfigKeys.ALLOWED_ORIGINS + "', or authenticate with 'Authorization: Bearer <token>'";
    }

    /** AV1007, logged at FINE: why a cross-site request was refused; {@code detail} holds origins only. */
    public static String crossSiteRefusedLog(String method, String path, String detail) {
        return "AV1007I: refused a cross-site " + method + " to " + path + ": " + detail;
    }

    /** AV1020: two different refresh token cookies (one may be another sub-domain's). */
    public static String twoRefreshTokens() {
        return "AV1020E: the request carries two different refresh token cookies (another site of the domain may "
                + "have set one): sign in again; give the cookies '__Host-' names ('"
                + ConfigKeys.REFRESH_TOKEN_COOKIE + "') to keep sub-domains from setting them";
    }

    // AV11xx: the IdP refused

    /** AV1101: the IdP refused the access token. */
    public static String idpRefusedToken(String said) {
        return "AV1101E: AuthVital refused the access token " + said + ": sign the user in again";
    }

    /** AV1102: the IdP refused to revoke another user's session. */
    public static String anotherUsersSession(String said) {
        return "AV1102E: AuthVital refused to revoke the session " + said + ": it belongs to another user";
    }

    /** AV1103: the IdP has no session with the id. */
    public static String noSuchSession(String said) {
        return "AV1103E: AuthVital has no session with that id " + said;
    }

    /** AV1104: the caller passed an id that no request can name. */
    public static String notASessionId(String id) {
        return "AV1104E: '" + id + "' is not a session id: pass an id from list()";
    }

    /** AV1105: the IdP answered 403 to a call. */
    public static String idpForbidden(String call, String said) {
        return "AV1105E: AuthVital refused " + call + " " + said + ": the user may not do this";
    }

    /** AV1106: the IdP listed ids that no request can name; they were not revoked. */
    public static String unusableListedIds(int count) {
        return "AV1106E: the IdP listed " + count + " session(s) whose id is blank, '.' or '..', which no request "
                + "can name; they were not revoked: check that '" + ConfigKeys.HOST + "' is the IdP";
    }

    /** AV1107: the IdP wants the user at its sign-in again before it refreshes ({@code interaction_required}). */
    public static String interactionRequired(String said) {
        return "AV1107E: AuthVital will not refresh the tokens until the user signs in again " + said
                + ": send the browser to the sign-in";
    }

    /** AV1108: the IdP refused a refresh token (revoked, expired, rotated, another client's). */
    public static String idpRefusedRefresh(String said) {
        return "AV1108E: AuthVital refused the refresh token " + said + ": the user has to sign in again";
    }

    /** AV1109: the IdP refused to exchange a sign-in's authorization code. */
    public static String idpRefusedCode(String said) {
        return "AV1109E: AuthVital refused the sign-in's authorization code " + said
                + ": start the sign-in again; if it keeps failing, check '" + ConfigKeys.CLIENT_ID + "', '"
                + ConfigKeys.CLIENT_SECRET + "' and the redirect URI registered for the client";
    }

    // AV12xx: the IdP cannot be reached or answers what it should not

    /** AV1201: the connection to the IdP failed. */
    public static String idpUnreachable(String call, Object url, String reason) {
        return "AV1201E: AuthVital at " + url + " could not be reached for " + call + " (" + reason
                + "): check that it is up and that '" + ConfigKeys.HOST + "' points at it";
    }

    /** AV1202: the IdP did not answer within the timeouts. */
    public static String idpTimedOut(String call, long connectMillis, long readMillis) {
        return "AV1202E: AuthVital did not answer " + call + " in time (connect " + connectMillis + " ms, read "
                + readMillis + " ms): it is slow or down; try again later, or raise '" + ConfigKeys.READ_TIMEOUT + "'";
    }

    /** AV1203: the IdP answered a 5xx with its JSON error. */
    public static String idpFailing(String call, String said) {
        return "AV1203E: AuthVital failed on " + call + " " + said + ": the IdP is failing; try again later";
    }

    /** AV1204: an error status with a body that is not the IdP's JSON. */
    public static String idpErrorNotJson(String call, int status) {
        return "AV1204E: AuthVital answered " + call + " with " + status + " and a body that is not its JSON (a "
                + "proxy's page?): check that '" + ConfigKeys.HOST + "' is the IdP's base URL and that the IdP is up";
    }

    /** AV1205: any other refusal of the IdP. */
    public static String idpRefused(String call, String said) {
        return "AV1205E: AuthVital refused " + call + " " + said + ": check the request and '" + ConfigKeys.HOST + "'";
    }

    /** AV1206: no signing keys at hand, so no token can be checked; the log says why (AV1207). */
    public static String keysUnavailable() {
        return "AV1206E: AuthVital's signing keys could not be reached, so no sign-in can be checked right now: "
                + "try again shortly (the server log's AV1207 says why)";
    }

    /** AV1207, logged: a fetch of the signing keys failed. */
    public static String keyFetchFailed(Object url, String reason, boolean keysAtHand) {
        return "AV1207W: the IdP's signing keys at " + url + " could not be fetched (" + reason + "); "
                + (keysAtHand ? "the keys fetched before stay in use" : "no token can be validated until they are")
                + "; check that the IdP is up and that '" + ConfigKeys.HOST + "' (or '" + ConfigKeys.REST_URL
                + "') points at it";
    }

    /** AV1208, logged: the signing keys were fetched again after failures. */
    public static String keyFetchRecovered(Object url, int failures) {
        return "AV1208I: the IdP's signing keys at " + url + " were fetched again after " + failures
                + " failed attempt(s); tokens are validated again";
    }

    /** AV1209: an answer over the size limit. */
    public static String idpAnswerTooLarge(String call, int maxBytes) {
        return "AV1209E: AuthVital's answer to " + call + " is over " + maxBytes + " bytes, which no answer of the IdP "
                + "comes near (a proxy's page?): check that '" + ConfigKeys.HOST + "' is the IdP's base URL";
    }

    /** AV1210: a success status whose body is not the JSON the contract describes. */
    public static String idpAnswerNotJson(String call) {
        return "AV1210E: AuthVital's answer to " + call + " is not the JSON it should be (a proxy's page?): check "
                + "that '" + ConfigKeys.HOST + "' is the IdP's base URL";
    }

    /** AV1211: a success status with no body at all. */
    public static String idpAnswerEmpty(String call) {
        return "AV1211E: AuthVital answered " + call + " with an empty body: check that '" + ConfigKeys.HOST
                + "' is the IdP's base URL";
    }

    /** AV1212: the REST client refused the answer's status or type before it was read. */
    public static String idpAnswerRefused(String call, int status) {
        return "AV1212E: AuthVital answered " + call + " with " + status + ", not its JSON: check that '"
                + ConfigKeys.HOST + "' is the IdP's base URL (https, with any path prefix)";
    }

    /** AV1213: the IdP answered 429: too many calls from this server's IP. */
    public static String idpRateLimited(String call, long seconds) {
        return "AV1213E: AuthVital is rate-limiting this server on " + call + " (429): try again in " + seconds
                + " s; the IdP counts all of the application's calls from one IP together";
    }

    /** AV1214: a token answer lacks the access token, the refresh token or {@code expires_in}. */
    public static String idpTokensIncomplete(String call) {
        return "AV1214E: AuthVital answered " + call + " without an access token, a refresh token or expires_in: "
                + "the client must be allowed the scope offline_access and the refresh_token grant";
    }

    /**
     * AV1215, logged once when calls to the IdP start failing (unreachable, timed out, 5xx, not its
     * answer); the calls after it are logged at DEBUG until one succeeds ({@link #idpRecovered}).
     */
    public static String idpDown(String failure) {
        return "AV1215W: calls to AuthVital fail: " + failure + "; signed-in users stay signed in while their access "
                + "tokens last, but refreshes, sign-ins and session calls fail until it answers again (logged once, "
                + "then AV1216I)";
    }

    /**
     * AV1216, logged once when the IdP answers again after {@link #idpDown} or {@link #idpLimiting}.
     *
     * @param failures the calls that failed meanwhile
     * @param seconds  how long it lasted
     */
    public static String idpRecovered(int failures, long seconds) {
        return "AV1216I: AuthVital answers again, after " + failures + " failed call(s) over " + seconds + " s";
    }

    /** AV1217, logged once when the IdP starts answering 429 to this server, until it answers again. */
    public static String idpLimiting(String failure) {
        return "AV1217W: AuthVital is rate-limiting this server: " + failure + "; every user's calls come from this "
                + "server's address and share its limit: lower '" + ConfigKeys.IDP_TOKEN_BUDGET
                + "' or spread the servers "
                + "over addresses (logged once, then AV1216I)";
    }

    // AV13xx: the logout servlet's answers

    /** AV1301: the revocation broke in a way no other id names; the browser is logged out anyway. */
    public static String revocationBroke() {
        return "AV1301E: the session could not be revoked at the IdP: this browser is logged out, but its session "
                + "stays valid there until it expires";
    }

    /** AV1304, logged: the revocation broke; {@code failure} is the stack with the token blanked out. */
    public static String revocationBrokeLog(String failure) {
        return "AV1304W: the logout could not revoke the session at the IdP and went on without it:\n" + failure;
    }

    /** AV1302: the IdP answered an error to the logout; the browser is logged out anyway. */
    public static String logoutRefused(int status) {
        return "AV1302E: the IdP answered " + status + " and did not revoke the session: this browser is logged "
                + "out, but its session may stay valid there until it expires";
    }

    /** AV1303: the IdP could not be reached for the logout; the browser is logged out anyway. */
    public static String logoutUnreached() {
        return "AV1303E: the IdP could not be reached: this browser is logged out, but its session stays valid "
                + "there until it expires";
    }

    /** AV1305, logged at FINE: the IdP failure a logout went on without (AV1302, AV1303 to the client). */
    public static String logoutWithoutIdpLog(String failure) {
        return "AV1305I: the logout went on without the IdP: " + failure;
    }

    // AV14xx: sign-in and refresh

    /** AV1401: a callback without the flow cookie: no sign-in started here, or its cookie was lost. */
    public static String noSignInInProgress() {
        return "AV1401E: no sign-in is in progress in this browser (its cookie is missing, or was sealed by another "
                + "server or before a restart): start the sign-in again; every server needs the same '"
                + ConfigKeys.SIGNIN_FLOW_KEY + "'";
    }

    /** AV1402: the sign-in took longer than its flow cookie lives. */
    public static String signInExpired(long minutes) {
        return "AV1402E: the sign-in took longer than " + minutes + " minutes and has expired: start it again";
    }

    /** AV1403: the callback's state is not the sign-in's. */
    public static String stateMismatch() {
        return "AV1403E: the sign-in's answer does not belong to the sign-in this browser started (state differs): "
                + "start the sign-in again";
    }

    /** AV1404: the IdP sent the browser back with an error; {@code error} is its code, checked to be a token. */
    public static String signInRefused(String error) {
        return "AV1404E: AuthVital did not sign the user in (" + error + ")"
                + ("access_denied".equals(error) ? ": the user declined or may not use this application" : "")
                + ": start the sign-in again";
    }

    /** AV1405: the callback carries neither a code nor an error. */
    public static String noCode() {
        return "AV1405E: the sign-in's answer carries no authorization code: start the sign-in again";
    }

    /** AV1406, logged at startup: no flow key configured, one was made for this start. */
    public static String flowKeyGenerated() {
        return "AV1406W: '" + ConfigKeys.SIGNIN_FLOW_KEY + "' is not set, so a key was made for this start: "
                + "sign-ins in progress will fail on another server or after a restart; set it (openssl rand -base64 32) "
                + "to the same value on every server";
    }

    /** AV1407: the sign-in servlets are wired but not configured. */
    public static String signInNotConfigured() {
        return "AV1407E: sign-in is not configured: set '" + ConfigKeys.SIGNIN_CALLBACK_PATH
                + "' to the callback's path, e.g. /callback";
    }

    /** AV1408, logged at FINE: a refresh was refused; the cookies are cleared. */
    public static String refreshRefusedLog(String failure) {
        return "AV1408I: a refresh was refused by the IdP and the token cookies were cleared: " + failure;
    }

    /** AV1409, logged at FINE: a refresh failed for want of the IdP; the cookies stay. */
    public static String refreshUnavailableLog(String failure) {
        return "AV1409I: a refresh could not be made and the cookies were kept: " + failure;
    }

    /** AV1412: another server's refresh of the same refresh token did not end in time (503). */
    public static String otherServerRefreshing(long seconds) {
        return "AV1412E: another server of the application is refreshing this browser's tokens and did not finish "
                + "within " + seconds + " s: try again in a moment";
    }

    /** AV1411: a refresh token that was already exchanged here, after the grace period. */
    public static String refreshTokenRotatedOut() {
        return "AV1411E: this refresh token was already exchanged for new tokens, which this browser did not keep: "
                + "sign in again (it is not sent to the IdP again, which would sign the user out everywhere)";
    }

    /** AV1413: a spent refresh token was presented after the grace: its chain is denied (log, WARNING). */
    public static String refreshTokenReused(String sessionId, boolean idpTold) {
        return "AV1413W: possible refresh-token theft: the refresh token of session " + sessionId + " was presented "
                + "again after it had been exchanged and its successor handed out; every token of its device's chain "
                + "is now refused on every server" + (idpTold ? ", and the IdP was shown it (it revokes every session "
                + "of the user)" : " (set '" + ConfigKeys.REFRESH_REUSE_NOTIFY_IDP + "=true' to have the IdP "
                + "revoke every session of the user too)");
    }

    /** AV1420: the callback's code is not of a shape the IdP issues (400, no IdP call). */
    public static String malformedCode() {
        return "AV1420E: the sign-in's answer carries an authorization code that AuthVital does not issue (wrong "
                + "length or characters): start the sign-in again";
    }

    /** AV1421: the callback's code exchange would overrun this server's budget of token calls (429). */
    public static String signInBudgetSpent(long seconds) {
        return "AV1421E: this server is completing as many sign-ins as the IdP lets it right now (signed-in users' "
                + "refreshes come first): reload this page in " + seconds + " s to finish signing in";
    }

    /** AV1422: a refresh would overrun this server's budget of token calls (503, no IdP call). */
    public static String refreshBudgetSpent(long seconds) {
        return "AV1422E: this server has made all the token calls the IdP allows it this minute ('"
                + ConfigKeys.IDP_TOKEN_BUDGET + "'): try again in " + seconds + " s";
    }

    /** AV1423, logged at WARNING once a minute at most: refreshes take most of the budget of token calls. */
    public static String refreshesNearBudget(int refreshes, int budget) {
        return "AV1423W: " + refreshes + " refreshes in the last minute, of the " + budget + " token calls a minute "
                + "this server may make ('" + ConfigKeys.IDP_TOKEN_BUDGET + "'): sign-ins wait first, then "
                + "refreshes; raise the client's limit at the IdP, lengthen its access tokens or add server "
                + "addresses (docs/sign-in.md, Capacity)";
    }

    /** AV1430: a sign-in callback refused while the shared cache cannot be reached (503). */
    public static String signInWhileStoreUnreachable() {
        return "AV1430E: the sign-in cannot be completed while the servers' shared cache cannot be reached (its code "
                + "could be exchanged twice, which makes the IdP revoke the user's tokens): reload this page in a few "
                + "seconds";
    }

    /** AV1431: two different sign-in flow cookies at the callback (one may be another sub-domain's). */
    public static String twoSignInFlows() {
        return "AV1431E: this browser sent two different sign-in cookies (another site of the domain may have set "
                + "one): start the sign-in again";
    }

    /** AV1432: the IdP could not be used at a sign-in or refresh; to the client, the detail in the log. */
    public static String idpUnusableForClient() {
        return "AV1432E: AuthVital, the sign-in service, could not be used just now: try again in a moment (the server "
                + "log says why)";
    }

    /** AV1433, logged at FINE: a sign-in's callback failed for want of the IdP; {@code failure} is the full message. */
    public static String signInIdpFailureLog(String failure) {
        return "AV1433I: a sign-in could not be completed for want of the IdP: " + failure;
    }

    // AV15xx: the store the servers share

    /** AV1501: the shared cache cannot be reached (log, WARNING, once per outage). */
    public static String storeUnreachable(String caches, String policy) {
        return "AV1501W: the shared cache (" + caches + ") cannot be reached: requests are checked against this "
                + "server's copy of the revocations, its writes are kept until the cache is back, and requests that "
                + "change something are " + policy + " (authvital.store.unreachable)";
    }

    /** AV1502: the shared cache can be reached again (log, INFO). */
    public static String storeReachableAgain(String caches, long seconds, int replayed) {
        return "AV1502I: the shared cache (" + caches + ") can be reached again after " + seconds + " s: " + replayed
                + " writes kept meanwhile were written to it";
    }

    /** AV1503: a request that changes something refused while the shared cache cannot be reached (503). */
    public static String storeUnreachableRefused() {
        return "AV1503E: the servers' shared cache cannot be reached at this moment: a change made now (a "
                + "revocation, a refresh of this browser's tokens) could not reach the other servers; try again in a "
                + "few seconds";
    }

    /** AV1504: writes were refused while the shared cache was unreachable, the kept ones at their bound (log, ERROR). */
    public static String storeWritesRefused(int refused, int kept) {
        return "AV1504E: " + refused + " changes were refused with 503 while the shared cache could not be reached: "
                + "this server keeps at most " + kept + " writes until it is back, and drops none of them";
    }

    /** AV1505: the JCache engine could not be found or started (log, WARNING; or AV0001 for a missing provider). */
    public static String storeCannotStart(String provider, String reason) {
        return "AV1505W: the JCache engine (" + provider + ") could not be started: " + reason
                + "; the module keeps trying (authvital.store.retry-interval)";
    }

    /** AV1506: the engine keeps a cache's entries for less than the module needs (log, WARNING). */
    public static String storeCacheShortLived(String cache, long seconds, long needed) {
        return "AV1506W: the engine's configuration of the cache " + cache + " lets its entries go after " + seconds
                + " s, the module needs " + needed + " s: give its <cache> entry the region's lifetime "
                + "(docs/sign-in.md, Several servers)";
    }

    /** AV1507: a region of the in-memory store passed four fifths of its bound (log, WARNING). */
    public static String storeNearlyFull(String store, String region, long entries, int max) {
        return "AV1507W: " + store + " holds " + entries + " entries in its '" + region + "' region, four fifths of "
                + "its bound of " + max + ": raise '" + ConfigKeys.STORE_MAX_ENTRIES + "' (and the heap, about "
                + "30 bytes an entry) before it is reached (docs/sign-in.md, What the module keeps)";
    }

    /** AV1508: a region of the in-memory store is at its bound: new keys are refused (log, ERROR). */
    public static String storeFullLog(String store, String region, int max) {
        return "AV1508E: " + store + " is at its bound of " + max + " entries in its '" + region + "' region: refreshes, "
                + "sign-ins and revocations that need a new entry there get 503 until entries expire; nothing was "
                + "dropped. Raise '" + ConfigKeys.STORE_MAX_ENTRIES + "' and the heap";
    }

    /** AV1510: the answer to a request refused because the store is at its bound (503; the log has AV1508). */
    public static String storeFull() {
        return "AV1510E: this server cannot record the change at this moment (its session store is full): "
                + "try again later";
    }

    /** AV1509: at start, what a restart does to the revocations of the in-memory store (log, INFO). */
    public static String storeInMemory() {
        return "AV1509I: revocations, spent refresh tokens and device records are kept in this server's memory: a "
                + "restart or redeploy forgets them (a logged-out access token is accepted again until it expires). "
                + "Set '" + ConfigKeys.STORE + "=jcache' to keep them in a shared cache";
    }

    /** AV1511: a logout's denial could not be recorded on this server (log, ERROR). */
    public static String logoutNotRecordedLog(String failure) {
        return "AV1511E: a logout could not record its revocation on this server (" + failure + "): the browser's "
                + "cookies were cleared and its session revoked at the IdP, but its access token stays accepted here "
                + "until it expires";
    }

    /**
     * AV1512: the shared cache answers but sends this server no more changes: its heartbeat did not
     * come back (log, WARNING, once per outage; AV1502 when it is back).
     */
    public static String storeFeedStopped(String caches, String policy) {
        return "AV1512W: the shared cache (" + caches + ") answers but sends this server no more changes (its "
                + "heartbeat did not come back through the cache's events; with embedded Hazelcast, its member "
                + "merged back into the cluster after a split): the store reconnects with new listeners and "
                + "reloads its copy of the revocations. Meanwhile requests are checked against that copy, this "
                + "server's writes are kept until the cache is back, and requests that change something are "
                + policy + " (authvital.store.unreachable)";
    }

    // AV16xx: AuthVital's events (its signed webhooks)

    /** AV1601: an event without the signature headers of its channel (401, nothing acted on). */
    public static String eventUnsigned(String header) {
        return "AV1601E: the event carries no valid " + header + " header: refused, nothing acted on; AuthVital signs "
                + "every event it sends";
    }

    /** AV1602: an event whose timestamp is not unix seconds within the window (401, nothing acted on). */
    public static String eventOutsideWindow(long windowSeconds) {
        return "AV1602E: the event's timestamp is not unix seconds within " + windowSeconds + " s of this server's "
                + "clock: refused, nothing acted on; AuthVital signs each attempt anew, so check this server's clock";
    }

    /** AV1603: an event signed by a key the IdP does not publish (401, nothing acted on). */
    public static String eventUnknownKey() {
        return "AV1603E: the event is signed by a key the IdP does not publish: refused, nothing acted on";
    }

    /** AV1615: an event signed by a key not known yet, and no fetch of the IdP's keys allowed yet (503). */
    public static String eventKeyNotYetFetched() {
        return "AV1615W: the event is signed by a key this server does not know yet, and the IdP's keys were fetched "
                + "less than 'authvital.jwks.min-refetch-interval' ago: not taken now; AuthVital sends it again, and "
                + "a key it added is fetched then";
    }

    /** AV1604: an event whose signature is not the IdP's over its exact bytes (401, nothing acted on). */
    public static String eventBadSignature() {
        return "AV1604E: the event's signature is not the IdP's over its body: refused, nothing acted on";
    }

    /** AV1605: a signed body that is not an AuthVital event (400, nothing acted on). */
    public static String eventMalformed(String why) {
        return "AV1605E: the event is signed but is not an AuthVital event (" + why + "): refused, nothing acted on";
    }

    /** AV1606: a request to the events receiver that is not a POST (405). */
    public static String eventNotPost() {
        return "AV1606E: AuthVital's events are delivered by POST only";
    }

    /** AV1607: an event body larger than the receiver reads (413, nothing acted on). */
    public static String eventTooLarge(int limit) {
        return "AV1607E: the event's body is larger than " + limit + " bytes: refused, nothing acted on; AuthVital's "
                + "events are a few hundred bytes";
    }

    /** AV1608: a system webhook while {@code authvital.events.system} is not true (403, nothing acted on). */
    public static String eventSystemOff() {
        return "AV1608E: a system webhook (X-Webhook-*) was delivered but this application does not take them: "
                + "refused, nothing acted on; set 'authvital.events.system=true' to take them";
    }

    /** AV1609: an event while the shared store cannot be reached (503; AuthVital sends it again). */
    public static String eventStoreUnreachable() {
        return "AV1609W: the store the servers share cannot be reached: the event is not taken now, AuthVital "
                + "sends it again";
    }

    /** AV1610: an event changed what the servers accept (INFO). */
    public static String eventApplied(String event) {
        return "AV1610I: took AuthVital's event " + event + ": every server refuses or refreshes the user's tokens "
                + "accordingly";
    }

    /** AV1611: an event without effect for this application (DEBUG). */
    public static String eventIgnored(String event) {
        return "AV1611I: AuthVital's event " + event + " has no effect here (another application or tenant, a "
                + "type without effect, or too old); answered 2xx";
    }

    /** AV1612: a delivery of an event already taken (DEBUG). */
    public static String eventDuplicate(String event) {
        return "AV1612I: AuthVital delivered " + event + " again: it was taken before; answered 2xx";
    }

    /** AV1613: events refused since the last line (WARNING, at most once a minute). */
    public static String eventRefusedLog(String message, long count) {
        return "AV1613W: refused " + count + " event deliver" + (count == 1 ? "y" : "ies") + " since the last such "
                + "line, the last one: " + message;
    }

    /** AV1616: an event whose effect could not be recorded (503; AuthVital sends it again). */
    public static String eventNotRecorded(String event, String why) {
        return "AV1616W: AuthVital's event " + event + " could not be recorded" + (why == null ? "" : " (" + why + ")")
                + ": not taken now, AuthVital sends it again";
    }

    /** AV1614: the events receiver is mapped without the application's AuthVital id. */
    public static String eventsWithoutApplicationId() {
        return "AV1614E: the events receiver is mapped but 'authvital.application-id' is not set: set it to your "
                + "application's id at AuthVital (not the client id); its events name the application by it";
    }

    // AV19xx: the module's own bugs

    /** AV1901: the REST client built a revoke URI of a shape the module does not expect. */
    public static String unexpectedRevokePath() {
        return "AV1901E: unexpected revoke URI path shape; report this as a bug";
    }

    /** AV1902: the revoke URI could not be rebuilt with the encoded id. */
    public static String revokeUriNotRebuilt() {
        return "AV1902E: could not rebuild the revoke URI; report this as a bug";
    }

    /** AV1903: the sign-in's flow cookie could not be sealed. */
    public static String flowCookieUnsealable() {
        return "AV1903E: a value the module seals (the sign-in's flow cookie, a shared refresh result) could not be "
                + "encrypted; report this as a bug";
    }
}
