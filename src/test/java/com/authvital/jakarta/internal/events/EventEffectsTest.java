package com.authvital.jakarta.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.config.EventSettings;
import com.authvital.jakarta.internal.events.EventEffects.Effect;
import com.authvital.jakarta.internal.session.AccessMarks;
import com.authvital.jakarta.internal.session.AccessMarks.Standing;
import com.authvital.jakarta.internal.session.Revocations;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.token.ValidatedToken;
import com.authvital.testing.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What each of AuthVital's events does to this application's tokens (authvital-events.md §2),
 * with the bodies the contract shows: the system webhooks, the licence events with and without
 * licences gating access, and everything that must do nothing.
 */
class EventEffectsTest {

    private static final String APP = "cmeq1app0000k2v9x7w3r5t1";
    private static final String TENANT = "6f1d2c3b-9a8e-4f70-b1c2-d3e4f5a6b7c8";
    private static final String USER = "8d5c7b0e-1f2a-4c3d-9e4f-5a6b7c8d9e0f";
    private static final Instant AT = Instant.parse("2026-08-21T01:39:10.250Z");

    private final MutableClock clock = new MutableClock(AT.plusSeconds(2));
    private final InMemoryStore store = new InMemoryStore(clock, 100_000);
    private final AccessMarks access = new Revocations(store, clock, Duration.ofSeconds(30)).access();

    private EventEffects effects(boolean licensesGateAccess, List<String> tenants) {
        return new EventEffects(new EventSettings(Optional.empty(), Optional.of(APP), tenants, Duration.ofMinutes(5),
                true, licensesGateAccess), "orders-web", access);
    }

    private static VerifiedEvent sync(String type, Instant at, String tenant, String application, String data) {
        return new VerifiedEvent(EventChannel.SYNC, type + at, type, at, tenant, application, json(data));
    }

    private static VerifiedEvent system(String type, Instant at, String data) {
        return new VerifiedEvent(EventChannel.SYSTEM, "sha256:" + type + at, type, at, null, null, json(data));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static ValidatedToken token(String tenant, Instant issuedAt) {
        return new ValidatedToken("t-" + tenant + issuedAt, new AuthVitalPrincipal(Map.of("sub", USER,
                "tenant_id", tenant, "iat", issuedAt.getEpochSecond())), AT.plusSeconds(3600).toEpochMilli(), "k");
    }

    private Standing before(String tenant) {
        return access.standing(token(tenant, AT.minusSeconds(60)));
    }

    @Test
    void aRevokedLicenceOnlyRefreshesTheTokensUnlessLicencesGateAccess() {
        String data = "{\"sub\":\"" + USER + "\",\"email\":\"jane@acme.example\",\"assignment_id\":\"a1\"}";

        assertEquals(Effect.APPLIED, effects(false, List.of()).apply(sync("license.revoked", AT, TENANT, APP, data)));
        assertEquals(Standing.STALE, before(TENANT));
        assertEquals(Standing.ACCEPTED, access.standing(token(TENANT, AT.plusSeconds(60))));

        effects(true, List.of()).apply(sync("license.revoked", AT.plusSeconds(1), TENANT, APP, data));
        assertEquals(Standing.LOST, access.standing(token(TENANT, AT.plusSeconds(60))), "gated: until assigned again");
        effects(true, List.of()).apply(sync("license.assigned", AT.plusSeconds(90), TENANT, APP, data));
        assertEquals(Standing.ACCEPTED, access.standing(token(TENANT, AT.plusSeconds(90))));
    }

    @Test
    void theSystemWebhooksOfThisApplicationCutOffTheirUsersTenantsAndEveryone() {
        EventEffects effects = effects(false, List.of());
        assertEquals(Effect.APPLIED, effects.apply(system("tenant.app.revoked", AT, "{\"user_id\":\"" + USER
                + "\",\"tenant_id\":\"" + TENANT + "\",\"application_id\":\"" + APP + "\"}")));
        assertEquals(Standing.LOST, access.standing(token(TENANT, AT.plusSeconds(60))));

        assertEquals(Effect.APPLIED, effects.apply(system("tenant.deleted", AT, "{\"name\":\"Acme\",\"slug\":\"acme\","
                + "\"tenant_id\":\"t-deleted\",\"deleted_at\":\"2026-08-21T01:50:00.012Z\"}")));
        assertEquals(Standing.LOST, access.standing(token("t-deleted", AT.plusSeconds(60))));

        String disabled = "{\"name\":\"Orders\",\"client_id\":\"orders-web\",\"is_active\":false,\"tenant_id\":null,"
                + "\"application_id\":\"" + APP + "\",\"changed_fields\":[\"is_active\"],\"previous_values\":{\"is_active\":true}}";
        assertEquals(Effect.APPLIED, effects.apply(system("application.updated", AT, disabled)));
        assertEquals(Standing.LOST, access.standing(token("t-other", AT.plusSeconds(60))));
    }

    @Test
    void otherApplicationsTenantsTestDeliveriesAndTypesDoNothing() {
        String member = "{\"sub\":\"" + USER + "\",\"email\":null,\"membership_id\":\"m1\"}";
        EventEffects onlyOneTenant = effects(false, List.of("t-only"));

        assertEquals(Effect.IGNORED, onlyOneTenant.apply(sync("member.suspended", AT, TENANT, APP, member)));
        assertEquals(Effect.IGNORED, effects(false, List.of()).apply(sync("member.suspended", AT, TENANT, "cmother", member)));
        assertEquals(Effect.IGNORED, effects(false, List.of()).apply(sync("member.joined", AT, TENANT, APP, member)));
        assertEquals(Effect.IGNORED, effects(false, List.of()).apply(system("tenant.created", AT,
                "{\"test\":true,\"message\":\"Test\",\"webhookId\":\"w1\"}")));
        assertEquals(Effect.IGNORED, effects(false, List.of()).apply(system("application.updated", AT,
                "{\"application_id\":\"" + APP + "\",\"is_active\":true,\"changed_fields\":[\"name\"]}")));
        assertEquals(Effect.IGNORED, effects(false, List.of()).apply(system("tenant.app.revoked", AT, "{\"user_id\":\""
                + USER + "\",\"tenant_id\":\"" + TENANT + "\",\"application_id\":\"cmother\"}")));

        assertEquals(Standing.ACCEPTED, before(TENANT));
    }

    @Test
    void anActivationAfterASuspensionAdmitsNewTokensAndNothingOlder() {
        String member = "{\"sub\":\"" + USER + "\",\"email\":null,\"membership_id\":\"m1\"}";
        EventEffects effects = effects(false, List.of());

        effects.apply(sync("member.suspended", AT, TENANT, APP, member));
        assertEquals(Effect.IGNORED, effects.apply(sync("member.activated", AT.plusSeconds(30), TENANT, APP, member)),
                "AuthVital mints again; nothing to record");

        assertEquals(Standing.LOST, before(TENANT));
        assertEquals(Standing.ACCEPTED, access.standing(token(TENANT, AT.plusSeconds(31))));
    }
}
