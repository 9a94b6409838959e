package com.authvital.jakarta.internal.idp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdpErrorAnswerTest {

    @Test
    void readsTheNestJsErrorMessage() {
        IdpFailures.ErrorAnswer e = IdpFailures.ErrorMapper.parse(404,
                "{\"statusCode\":404,\"message\":\"Session not found\",\"error\":\"Not Found\"}");
        assertEquals(404, e.status());
        assertTrue(e.json());
        assertEquals(List.of("Session not found"), e.messages());
    }

    @Test
    void readsAnArrayOfValidationMessages() {
        IdpFailures.ErrorAnswer e = IdpFailures.ErrorMapper.parse(400, "{\"statusCode\":400,\"message\":"
                + "[\"application_id must be a string\",\"application_id should not be empty\"],\"error\":\"Bad Request\"}");
        assertEquals(List.of("application_id must be a string", "application_id should not be empty"), e.messages());
    }

    @Test
    void keepsAProxysHtmlPageAsNotJson() {
        IdpFailures.ErrorAnswer e = IdpFailures.ErrorMapper.parse(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assertFalse(e.json());
        assertEquals(List.of(), e.messages());
    }

    @Test
    void keepsAnEmptyOrNonObjectBodyAsNotJson() {
        assertFalse(IdpFailures.ErrorMapper.parse(500, "").json());
        assertFalse(IdpFailures.ErrorMapper.parse(500, "[1,2]").json());
        assertFalse(IdpFailures.ErrorMapper.parse(500, "{\"statusCode\":").json());
    }

    @Test
    void readsAnOAuthErrorsCodeAndDescription() {
        IdpFailures.ErrorAnswer e = IdpFailures.ErrorMapper.parse(401,
                "{\"error\":\"interaction_required\",\"error_description\":\"MFA enrollment required by tenant policy\"}");
        assertEquals("interaction_required", e.error());
        assertEquals(List.of("MFA enrollment required by tenant policy"), e.messages());
    }

    @Test
    void readsRetryAfterInSecondsOnlyAndWithinAnHour() {
        assertEquals(Optional.of(Duration.ofSeconds(17)), Optional.ofNullable(IdpFailures.ErrorMapper.retryAfter(" 17 ")));
        assertEquals(Optional.of(Duration.ofHours(1)), Optional.ofNullable(IdpFailures.ErrorMapper.retryAfter("999999")));
        assertEquals(Optional.empty(), Optional.ofNullable(IdpFailures.ErrorMapper.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")));
        assertEquals(Optional.empty(), Optional.ofNullable(IdpFailures.ErrorMapper.retryAfter("-5")));
        assertEquals(Optional.empty(), Optional.ofNullable(IdpFailures.ErrorMapper.retryAfter(null)));
    }
}
