package com.authvital.jakarta.internal.jaxrs;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.internal.http.BearerChallenge;
import com.authvital.jakarta.internal.http.ClientText;
import com.authvital.jakarta.internal.message.Messages;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a client is answered for one of the module's exceptions: its documented status,
 * {@code {"error": <exception's simple name>, "message": …}}, never cached; 401 with RFC 7235
 * §3.1's {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3), a rate-limited IdP's wait as
 * {@code Retry-After}. What only the operator should read (the IdP's address, a connection error)
 * goes to the server log, the client gets a short sentence ({@link ClientText}); a 403 logs who
 * was refused, in what groups, at FINE (AV1012). Decided here, translated by
 * {@link AuthVitalExceptionMapper}.
 *
 * @param status  the HTTP status
 * @param headers the headers besides the content type, in order
 * @param body    the JSON body
 */
record ErrorAnswer(int status, Map<String, String> headers, String body) {

    private static final System.Logger LOG = System.getLogger(ErrorAnswer.class.getName());

    /** The answer to {@code failure} of {@code request}, logged as it says. */
    static ErrorAnswer of(AuthVitalException failure, HttpServletRequest request) {
        if (ClientText.withheld(failure)) {
            // DEBUG: the IdP client told the outage once, with this detail (AV1215), not once per request.
            LOG.log(Level.DEBUG, failure::getMessage);
        }
        if (failure instanceof AccessDeniedException && LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, refusal(failure, request));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        if (failure.getStatus() == 401) {
            headers.put("WWW-Authenticate", BearerChallenge.header(BearerChallenge.refusal(request)));
        }
        if (failure instanceof RateLimitedException limited) {
            headers.put("Retry-After", String.valueOf(Math.max(1, limited.getRetryAfter().toSeconds())));
        }
        String body = Json.createObjectBuilder().add("error", failure.getClass().getSimpleName())
                .add("message", ClientText.of(failure)).build().toString();
        return new ErrorAnswer(failure.getStatus(), Collections.unmodifiableMap(headers), body);
    }

    /** Who was refused, in what groups: the caller's name and groups are no secret, its token never appears. */
    private static String refusal(AuthVitalException failure, HttpServletRequest request) {
        String where = request == null ? "a JAX-RS request" : request.getMethod() + " " + request.getRequestURI();
        Principal caller = request == null ? null : request.getUserPrincipal();
        List<String> groups = caller instanceof JsonWebToken token && token.getGroups() != null
                ? token.getGroups().stream().sorted().toList() : List.of();
        String who = caller == null ? "(none)" : "'" + caller.getName() + "'";
        return Messages.forbiddenCallerLog(where, failure.getMessage(), who, groups);
    }
}
