package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The test API of the changes an AuthVital admin makes, each made at the stand-in first and then
 * announced as AuthVital announces it (authvital-events.md §2); every control takes
 * {@code {"tenant": "acme"}} (the demo tenant by default) and answers
 * {@code 200 {"membership":{..},"events":[{"channel","id","type"}]}}:
 *
 * <ul>
 *   <li>{@code POST /dev/members/{userId}/suspend|activate|remove}: {@code member.suspended},
 *       {@code member.activated}, {@code member.left}; a suspended or removed member's refreshes of
 *       sessions in that tenant answer {@code 401 "Invalid refresh token"}</li>
 *   <li>{@code POST /dev/members/{userId}/app-access/revoke|grant}: {@code app_access.revoked},
 *       {@code app_access.granted} (tokens keep being issued, as at AuthVital: events §6.9)</li>
 *   <li>{@code POST /dev/members/{userId}/tenant-app/revoke}: channel B {@code tenant.app.revoked}</li>
 *   <li>{@code PUT /dev/members/{userId}/app-role} {@code {"role":"viewer"}}: {@code app_access.role_changed};
 *       the user's tokens minted from then on carry {@code app_roles ["viewer"]}</li>
 *   <li>{@code POST /dev/members/{userId}/license/revoke}, {@code PUT /dev/members/{userId}/license}
 *       {@code {"licenseType":"Basic"}}: {@code license.revoked}, {@code license.changed}</li>
 *   <li>{@code GET /dev/members/{userId}[?tenant=]}: the membership</li>
 *   <li>{@code DELETE /dev/tenants/{tenant}}: channel B {@code tenant.deleted}; its members are removed</li>
 *   <li>{@code GET|PUT /dev/application} {@code {"applicationId","name","slug"}}; {@code POST
 *       /dev/application/disable|enable}: channel B {@code application.updated} with {@code is_active}</li>
 * </ul>
 */
final class DevMemberControls {

    private final IdpSessions store;
    private final Members members;
    private final Application application;
    private final Webhooks webhooks;

    DevMemberControls(IdpSessions store, Members members, Application application, Webhooks webhooks) {
        this.store = store;
        this.members = members;
        this.application = application;
        this.webhooks = webhooks;
    }

    void register(Router router) {
        router.add("POST", "/dev/members/{}/suspend", (call, p) -> status(call, p.get(0), Members.Status.SUSPENDED))
                .add("POST", "/dev/members/{}/activate", (call, p) -> status(call, p.get(0), Members.Status.ACTIVE))
                .add("POST", "/dev/members/{}/remove", (call, p) -> status(call, p.get(0), Members.Status.REMOVED))
                .add("POST", "/dev/members/{}/app-access/revoke", (call, p) -> access(call, p.get(0), false))
                .add("POST", "/dev/members/{}/app-access/grant", (call, p) -> access(call, p.get(0), true))
                .add("POST", "/dev/members/{}/tenant-app/revoke", (call, p) -> tenantAppRevoked(call, p.get(0)))
                .add("PUT", "/dev/members/{}/app-role", (call, p) -> role(call, p.get(0)))
                .add("POST", "/dev/members/{}/license/revoke", (call, p) -> licence(call, p.get(0), null))
                .add("PUT", "/dev/members/{}/license", (call, p) -> licence(call, p.get(0),
                        JsonSupport.string(call.jsonObject(), "licenseType")
                                .orElseThrow(() -> HttpProblem.badRequest("licenseType is required"))))
                .add("GET", "/dev/members/{}", (call, p) -> call.sendJson(200, members.of(user(p.get(0)),
                        call.query("tenant").orElse(Members.DEMO_TENANT)).toJson()))
                .add("DELETE", "/dev/tenants/{}", (call, p) -> deleteTenant(call, p.get(0)))
                .add("GET", "/dev/application", (call, p) -> call.sendJson(200, application.toJson(members)))
                .add("PUT", "/dev/application", (call, p) -> {
                    application.update(call.jsonObject());
                    call.sendJson(200, application.toJson(members));
                })
                .add("POST", "/dev/application/disable", (call, p) -> active(call, false))
                .add("POST", "/dev/application/enable", (call, p) -> active(call, true));
    }

    /** A member's change and the event that announced it. */
    record Change(Members.Membership membership, WebhookEvent event) {
    }

    private void status(IdpExchange call, String userId, Members.Status status) throws IOException {
        Change change = status(user(userId), tenant(call), status);
        answer(call, change.membership(), change.event());
    }

    /**
     * Suspends, activates or removes the user in the tenant, then emits {@code member.suspended},
     * {@code member.activated} or {@code member.left}: the controls' work, and the demo page's.
     */
    Change status(User user, String tenant, Members.Status status) {
        Members.Membership membership = members.of(user, tenant).with(status);
        members.put(membership);
        String type = status == Members.Status.SUSPENDED ? "member.suspended"
                : status == Members.Status.ACTIVE ? "member.activated" : "member.left";
        return new Change(membership, sync(type, membership, memberData(membership, user)));
    }

    private void access(IdpExchange call, String userId, boolean granted) throws IOException {
        User user = user(userId);
        Members.Membership membership = members.of(user, tenant(call)).withAccess(granted);
        members.put(membership);
        JsonObjectBuilder data = memberData(membership, user);
        if (granted) {
            data.add("given_name", user.givenName()).add("family_name", user.familyName());
            roleFields(data, "", membership.role());
        }
        answer(call, membership, sync(granted ? "app_access.granted" : "app_access.revoked", membership, data));
    }

    private void role(IdpExchange call, String userId) throws IOException {
        User user = user(userId);
        String role = JsonSupport.string(call.jsonObject(), "role").filter(r -> !r.isBlank())
                .orElseThrow(() -> HttpProblem.badRequest("role is required"));
        Members.Membership before = members.of(user, tenant(call));
        Members.Membership membership = before.withRole(role);
        members.put(membership);
        store.replace(new User(user.id(), user.email(), user.givenName(), user.familyName(), List.of(role)));
        JsonObjectBuilder data = memberData(membership, user)
                .add("given_name", user.givenName()).add("family_name", user.familyName());
        roleFields(data, "", role);
        roleFields(data, "previous_", before.role());
        answer(call, membership, sync("app_access.role_changed", membership, data));
    }

    private void licence(IdpExchange call, String userId, String type) throws IOException {
        User user = user(userId);
        Members.Membership before = members.of(user, tenant(call));
        Members.Membership membership = before.withLicence(type);
        members.put(membership);
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("assignment_id", membership.assignmentId())
                .add("sub", user.id())
                .add("email", JsonSupport.nullable(user.email()));
        if (type != null) {
            data.add("license_type_id", cuidOf("license:" + type)).add("license_type_name", type)
                    .add("previous_license_type_id", JsonSupport.nullable(
                            before.licenceType() == null ? null : cuidOf("license:" + before.licenceType())))
                    .add("previous_license_type_name", JsonSupport.nullable(before.licenceType()));
        }
        answer(call, membership, sync(type == null ? "license.revoked" : "license.changed", membership, data));
    }

    private void tenantAppRevoked(IdpExchange call, String userId) throws IOException {
        User user = user(userId);
        Members.Membership membership = members.of(user, tenant(call)).withAccess(false);
        members.put(membership);
        JsonObject data = Json.createObjectBuilder()
                .add("tenant_id", TokenService.tenantId(membership.tenant()))
                .add("tenant_slug", membership.tenant())
                .add("user_id", user.id())
                .add("user_email", JsonSupport.nullable(user.email()))
                .add("application_id", application.id())
                .add("application_name", application.name())
                .add("application_slug", application.slug())
                .build();
        answer(call, membership, emit(WebhookEvent.system("tenant.app.revoked", data, null)));
    }

    private void deleteTenant(IdpExchange call, String tenant) throws IOException {
        Instant now = Instant.now();
        JsonObject data = Json.createObjectBuilder()
                .add("tenant_id", TokenService.tenantId(tenant))
                .add("name", tenant.substring(0, 1).toUpperCase(Locale.ROOT) + tenant.substring(1))
                .add("slug", tenant)
                .add("deleted_at", JsonSupport.iso(now))
                .build();
        // Dispatched before the delete at the IdP (events §2.2); the answer comes after both.
        WebhookEvent event = WebhookEvent.system("tenant.deleted", data, now);
        members.deleteTenant(tenant);
        webhooks.emit(event);
        call.sendJson(200, Json.createObjectBuilder().add("events", Json.createArrayBuilder().add(event.summary())).build());
    }

    private void active(IdpExchange call, boolean active) throws IOException {
        boolean previous = application.isActive();
        application.active(active);
        JsonObject data = Json.createObjectBuilder()
                .add("application_id", application.id())
                .add("tenant_id", JsonValue.NULL)
                .add("name", application.name())
                .add("slug", application.slug())
                .add("client_id", application.clientId())
                .add("application_type", "AUTOMATIC")
                .add("is_active", active)
                .add("description", JsonValue.NULL)
                .add("changed_fields", Json.createArrayBuilder().add("is_active"))
                .add("previous_values", Json.createObjectBuilder().add("is_active", previous))
                .add("licensing", Json.createObjectBuilder()
                        .add("mode", "PER_SEAT")
                        .add("allow_mixed", false)
                        .add("default_seat_count", JsonValue.NULL)
                        .add("auto_grant_to_owner", true)
                        .add("auto_provision_on_signup", false))
                .build();
        WebhookEvent event = emit(WebhookEvent.system("application.updated", data, null));
        call.sendJson(200, Json.createObjectBuilder().add("application", application.toJson(members))
                .add("events", Json.createArrayBuilder().add(event.summary())).build());
    }

    private WebhookEvent sync(String type, Members.Membership membership, JsonObjectBuilder data) {
        return emit(WebhookEvent.sync(type, TokenService.tenantId(membership.tenant()), application.id(),
                data.build(), null));
    }

    private WebhookEvent emit(WebhookEvent event) {
        webhooks.emit(event);
        return event;
    }

    private static JsonObjectBuilder memberData(Members.Membership membership, User user) {
        return Json.createObjectBuilder()
                .add("membership_id", membership.id())
                .add("sub", user.id())
                .add("email", JsonSupport.nullable(user.email()));
    }

    /** {@code role_id, role_name, role_slug} (with a prefix); an empty slug gives {@code ""}s, as the IdP sends. */
    private static void roleFields(JsonObjectBuilder data, String prefix, String slug) {
        boolean none = slug == null || slug.isEmpty();
        data.add(prefix + "role_id", none ? "" : cuidOf("role:" + slug))
                .add(prefix + "role_name", none ? "" : slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1))
                .add(prefix + "role_slug", none ? "" : slug);
    }

    /** A stable cuid-shaped id for a name, so a role or licence type keeps its id across events. */
    private static String cuidOf(String name) {
        return "c" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
                .substring(0, 24);
    }

    private void answer(IdpExchange call, Members.Membership membership, WebhookEvent event) throws IOException {
        JsonArrayBuilder events = Json.createArrayBuilder().add(event.summary());
        call.sendJson(200, Json.createObjectBuilder().add("membership", membership.toJson()).add("events", events).build());
    }

    private User user(String userId) {
        return store.user(userId).orElseThrow(() -> HttpProblem.notFound("User not found"));
    }

    private static String tenant(IdpExchange call) {
        return JsonSupport.string(call.jsonObject(), "tenant").filter(t -> !t.isBlank()).orElse(Members.DEMO_TENANT);
    }
}
