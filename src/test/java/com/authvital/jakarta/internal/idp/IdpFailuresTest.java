package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.jakarta.SignInRequiredException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.idp.IdpFailures.Call;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdpFailuresTest {

    private final IdpFailures failures = new IdpFailures(AuthVitalConfig.load(
            key -> Optional.ofNullable(Map.of("authvital.host", "https://auth.example.com",
                    "authvital.client-id", "my-app").get(key))));

    private AuthVitalException answered(Call call, int status, String body) {
        return failures.answered(call, IdpFailures.ErrorMapper.parse(status, body));
    }

    private static String nest(int status, String message, String error) {
        return "{\"statusCode\":" + status + ",\"message\":\"" + message + "\",\"error\":\"" + error + "\"}";
    }

    @Test
    void aRefusedTokenIsNotAuthenticated() {
        AuthVitalException e = answered(Call.LIST, 401, nest(401, "Invalid or expired access token", "Unauthorized"));
        assertInstanceOf(NotAuthenticatedException.class, e);
        assertEquals(401, e.getStatus());
        assertEquals(OptionalInt.of(401), e.getIdpStatus());
        assertEquals(List.of("Invalid or expired access token"), e.getIdpMessages());
    }

    @Test
    void revokingAnotherUsersSessionIsForbidden() {
        AuthVitalException e = answered(Call.REVOKE, 401, nest(401, "Cannot revoke another user's session", "Unauthorized"));
        assertInstanceOf(AccessDeniedException.class, e);
        assertEquals(403, e.getStatus());
        assertEquals(OptionalInt.of(401), e.getIdpStatus());
    }

    @Test
    void anUnknownSessionIsNotFound() {
        AuthVitalException e = answered(Call.REVOKE, 404, nest(404, "Session not found", "Not Found"));
        assertInstanceOf(SessionNotFoundException.class, e);
        assertEquals(Optional.of("Session not found"), e.getIdpMessage());
    }

    @Test
    void a404OnTheListPointsAtTheHostSetting() {
        AuthVitalException e = answered(Call.LIST, 404, "<html>Not Found</html>");
        assertInstanceOf(IdpUnavailableException.class, e);
        assertTrue(e.getMessage().contains("'authvital.host'"), e.getMessage());
    }

    @Test
    void aProxysHtml502IsUnavailable() {
        AuthVitalException e = answered(Call.REVOKE_ALL, 502, "<html><h1>502 Bad Gateway</h1></html>");
        assertInstanceOf(IdpUnavailableException.class, e);
        assertEquals(502, e.getStatus());
        assertEquals(OptionalInt.of(502), e.getIdpStatus());
        assertTrue(e.getMessage().contains("not its JSON"), e.getMessage());
    }

    @Test
    void aValidationErrorKeepsItsStatusAndMessages() {
        AuthVitalException e = answered(Call.REVOKE_ALL, 400,
                "{\"statusCode\":400,\"message\":[\"a\",\"b\"],\"error\":\"Bad Request\"}");
        assertEquals(AuthVitalException.class, e.getClass());
        assertEquals(400, e.getStatus());
        assertEquals(Optional.of("a; b"), e.getIdpMessage());
    }

    @Test
    void aTimeoutIsUnavailableWith504() {
        AuthVitalException e = failures.failed(Call.LIST,
                new ProcessingException(new SocketTimeoutException("Read timed out")));
        assertInstanceOf(IdpUnavailableException.class, e);
        assertEquals(504, e.getStatus());
        assertEquals(OptionalInt.empty(), e.getIdpStatus());
        assertTrue(e.getMessage().contains("'authvital.read-timeout'"), e.getMessage());
    }

    @Test
    void aRefusedConnectionIsUnavailableWith503() {
        AuthVitalException e = failures.failed(Call.LOGOUT,
                new ProcessingException(new ConnectException("Connection refused")));
        assertInstanceOf(IdpUnavailableException.class, e);
        assertEquals(503, e.getStatus());
        assertTrue(e.getMessage().contains("https://auth.example.com"), e.getMessage());
    }

    @Test
    void anUnreadableSuccessBodyIsUnavailableWith502() {
        AuthVitalException e = failures.failed(Call.LIST,
                new ProcessingException("RESTEASY003145: Unable to find a MessageBodyReader of content-type text/html"));
        assertInstanceOf(IdpUnavailableException.class, e);
        assertEquals(502, e.getStatus());
    }

    @Test
    void a429IsRateLimitedWithTheIdpsWaitOrAMinute() {
        AuthVitalException told = failures.answered(Call.REFRESH, IdpFailures.ErrorMapper.parse(429,
                "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}").retryingAfter(Duration.ofSeconds(42)));
        RateLimitedException limited = assertInstanceOf(RateLimitedException.class, told);
        assertEquals(503, limited.getStatus());
        assertEquals(OptionalInt.of(429), limited.getIdpStatus());
        assertEquals(Duration.ofSeconds(42), limited.getRetryAfter());
        assertTrue(limited.getMessage().startsWith("AV1213E: ") && limited.getMessage().contains("42 s"), limited.getMessage());

        AuthVitalException untold = answered(Call.LIST, 429, "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}");
        assertEquals(Duration.ofSeconds(60), assertInstanceOf(RateLimitedException.class, untold).getRetryAfter());
        AuthVitalException byAProxy = failures.answered(Call.REFRESH, IdpFailures.ErrorMapper.parse(429,
                "<html><body>Slow down</body></html>").retryingAfter(Duration.ofSeconds(9)));
        assertEquals(Duration.ofSeconds(9), assertInstanceOf(RateLimitedException.class, byAProxy).getRetryAfter());
    }

    @Test
    void interactionRequiredAsksForASignInNotARevocation() {
        AuthVitalException e = answered(Call.REFRESH, 401,
                "{\"error\":\"interaction_required\",\"error_description\":\"MFA enrollment required by tenant policy\"}");
        assertInstanceOf(SignInRequiredException.class, e);
        assertEquals(401, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1107E: ") && e.getMessage().contains("MFA enrollment"), e.getMessage());
    }

    @Test
    void aRefusedRefreshOrCodeSaysWhichWasRefused() {
        AuthVitalException refresh = answered(Call.REFRESH, 401, nest(401, "Session has been revoked", "Unauthorized"));
        AuthVitalException code = answered(Call.CODE_EXCHANGE, 401, nest(401, "Authorization code already used", "Unauthorized"));
        assertInstanceOf(NotAuthenticatedException.class, refresh);
        assertTrue(refresh.getMessage().startsWith("AV1108E: "), refresh.getMessage());
        assertTrue(code.getMessage().startsWith("AV1109E: ") && code.getMessage().contains("already used"), code.getMessage());
    }
}
