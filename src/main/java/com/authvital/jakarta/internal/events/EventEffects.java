package com.authvital.jakarta.internal.events;

import com.authvital.jakarta.internal.config.EventSettings;
import com.authvital.jakarta.internal.session.AccessMarks;
import com.authvital.jakarta.internal.session.AccessMarks.Block;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;

/**
 * What each of AuthVital's events does to the tokens of this application (authvital-events.md
 * §2, §6.7, §6.9): a loss of access refuses the user's tokens of the tenant issued before it (and
 * every one until it is given back, where AuthVital keeps minting them); a role or licence change
 * has the older tokens refreshed; a deleted tenant or a disabled application refuses everyone
 * concerned. Events of another application or tenant, and every other type, do nothing.
 */
final class EventEffects {

    /** What became of an event. */
    enum Effect {
        /** It changed what the servers accept. */
        APPLIED,
        /** Nothing to do for this application: another application or tenant, a type without effect, too old. */
        IGNORED
    }

    /** The types the module acts on, or counts by name: everything else is {@code other}. */
    static final Set<String> KNOWN = Set.of("member.suspended", "member.left", "member.activated", "app_access.revoked",
            "app_access.granted", "app_access.role_changed", "license.revoked", "license.assigned", "license.changed",
            "tenant.deleted", "tenant.app.revoked", "tenant.app.granted", "application.updated", "application.deleted");

    private final EventSettings settings;
    private final String clientId;
    private final AccessMarks access;

    EventEffects(EventSettings settings, String clientId, AccessMarks access) {
        this.settings = settings;
        this.clientId = clientId;
        this.access = access;
    }

    Effect apply(VerifiedEvent event) {
        return event.channel() == EventChannel.SYNC ? sync(event) : system(event);
    }

    private Effect sync(VerifiedEvent event) {
        String tenant = event.tenantId();
        String user = text(event.data(), "sub");
        if (!settings.applicationId().orElse("").equals(event.applicationId()) || !settings.takesTenant(tenant)
                || user == null) {
            return Effect.IGNORED;
        }
        Instant at = event.timestamp();
        switch (event.type()) {
            case "member.suspended", "member.left" -> access.lost(user, tenant, at, null);
            case "app_access.revoked" -> access.lost(user, tenant, at, Block.ACCESS);
            case "app_access.granted" -> access.restored(user, tenant, at, Block.ACCESS);
            case "license.revoked" -> {
                if (!settings.licensesGateAccess()) {
                    access.rolesChanged(user, tenant, at); // the token's licence claim changes
                } else {
                    access.lost(user, tenant, at, Block.LICENCE);
                }
            }
            case "license.assigned" -> {
                if (!settings.licensesGateAccess()) {
                    access.rolesChanged(user, tenant, at);
                } else {
                    access.restored(user, tenant, at, Block.LICENCE);
                }
            }
            case "app_access.role_changed", "license.changed" -> access.rolesChanged(user, tenant, at);
            // member.activated: AuthVital mints tokens again; the suspension's cut-off stays (nothing older re-admitted).
            default -> {
                return Effect.IGNORED;
            }
        }
        return Effect.APPLIED;
    }

    private Effect system(VerifiedEvent event) {
        JsonObject data = event.data();
        if (data.get("test") == JsonValue.TRUE) {
            return Effect.IGNORED; // an administrator's test delivery (§2.2)
        }
        String tenant = text(data, "tenant_id");
        Instant at = event.timestamp();
        switch (event.type()) {
            case "tenant.deleted" -> {
                if (tenant == null || !settings.takesTenant(tenant)) {
                    return Effect.IGNORED;
                }
                access.tenantDeleted(tenant);
            }
            case "tenant.app.revoked", "tenant.app.granted" -> {
                String user = text(data, "user_id");
                if (!ours(data) || tenant == null || user == null || !settings.takesTenant(tenant)) {
                    return Effect.IGNORED;
                }
                if (event.type().equals("tenant.app.revoked")) {
                    access.lost(user, tenant, at, Block.ACCESS);
                } else {
                    access.restored(user, tenant, at, Block.ACCESS);
                }
            }
            case "application.deleted" -> {
                if (!ours(data)) {
                    return Effect.IGNORED;
                }
                access.applicationDeleted(at);
            }
            case "application.updated" -> {
                JsonValue active = data.get("is_active");
                if (!ours(data) || active != JsonValue.TRUE && active != JsonValue.FALSE || !changedActive(data)) {
                    return Effect.IGNORED;
                }
                access.applicationActive(active == JsonValue.TRUE, at);
            }
            default -> {
                return Effect.IGNORED;
            }
        }
        return Effect.APPLIED;
    }

    /** A system event is instance-wide: it concerns this application when it names its id or its client id. */
    private boolean ours(JsonObject data) {
        return settings.applicationId().isPresent() && settings.applicationId().get().equals(text(data, "application_id"))
                || clientId.equals(text(data, "client_id"));
    }

    /** Whether an {@code application.updated} changed {@code is_active} (its other changes say {@code is_active} too). */
    private static boolean changedActive(JsonObject data) {
        return data.get("changed_fields") instanceof JsonArray fields
                && fields.stream().anyMatch(f -> f instanceof JsonString s && s.getString().equals("is_active"));
    }

    private static String text(JsonObject data, String name) {
        return data.get(name) instanceof JsonString s && !s.getString().isEmpty() ? s.getString() : null;
    }
}
