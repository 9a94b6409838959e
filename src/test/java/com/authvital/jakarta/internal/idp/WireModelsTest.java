package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionList;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The models read and write the contract's JSON, wire names included. */
class WireModelsTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void readsTheSessionListOfTheContract() {
        SessionList list = JSONB.fromJson("{\"sessions\":[{\"id\":\"s1\",\"createdAt\":\"2026-11-20T08:15:30.123Z\","
                + "\"expiresAt\":\"2026-11-27T08:15:30.123Z\",\"userAgent\":null,\"ipAddress\":\"198.51.100.4\","
                + "\"tenant\":null}],\"count\":1}", SessionList.class);

        assertEquals(1, list.count());
        Session s = list.sessions().get(0);
        assertEquals("s1", s.id());
        assertEquals(Instant.parse("2026-11-20T08:15:30.123Z"), s.createdAt());
        assertEquals(Instant.parse("2026-11-27T08:15:30.123Z"), s.expiresAt());
        assertNull(s.userAgent());
        assertEquals("198.51.100.4", s.ipAddress());
        assertNull(s.tenant());
    }

    @Test
    void refusesAnAnswerWithoutTheContractsFields() {
        assertThrows(JsonbException.class, () -> JSONB.fromJson("{}", SessionList.class));
        assertThrows(JsonbException.class, () -> JSONB.fromJson("{\"sessions\":[{\"id\":\"s1\"}],\"count\":1}",
                SessionList.class));
        assertThrows(JsonbException.class, () -> JSONB.fromJson("{\"success\":true}", RevokeResult.class));
    }

    @Test
    void readsTheRevokeAllAnswer() {
        RevokeAllResult r = JSONB.fromJson("{\"success\":true,\"message\":\"Revoked 3 session(s)\",\"count\":3}",
                RevokeAllResult.class);
        assertEquals(new RevokeAllResult(true, "Revoked 3 session(s)", 3), r);
    }

    @Test
    void writesTheWireNamesOfTheRequests() {
        assertEquals("{\"application_id\":\"app-123\"}", JSONB.toJson(new RevokeAllRequest("app-123")));
        assertEquals("{}", JSONB.toJson(new RevokeAllRequest(null)));
        assertEquals("{\"refresh_token\":\"r.t.v\"}", JSONB.toJson(new LogoutRequest("r.t.v")));
    }

    @Test
    void theLogoutRequestNeverShowsItsToken() {
        assertFalse(new LogoutRequest("secret.refresh.token").toString().contains("secret"));
    }
}
