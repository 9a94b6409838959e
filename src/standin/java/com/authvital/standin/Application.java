package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The application the stand-in's client belongs to: its internal id (a cuid, which events carry
 * as {@code application_id}; never the client id), name, slug and whether it is active. A
 * disabled application's refresh tokens are refused ({@code 401 "Application is disabled"}).
 */
final class Application {

    /** The id until a test sets another ({@code PUT /dev/application}): cuid-shaped, 25 characters. */
    static final String DEFAULT_ID = "cmstandin0app000000000001";

    private final String clientId;
    private volatile String id = DEFAULT_ID;
    private volatile String name = "Stand-in App";
    private volatile String slug = "stand-in-app";
    private volatile boolean active = true;

    Application(String clientId) {
        this.clientId = clientId;
    }

    String id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    String name() {
        return name;
    }

    String slug() {
        return slug;
    }

    boolean isActive() {
        return active;
    }

    void active(boolean active) {
        this.active = active;
    }

    /** Changes any of {@code {"applicationId","name","slug"}}. */
    synchronized void update(JsonObject spec) {
        JsonSupport.string(spec, "applicationId").filter(s -> !s.isBlank()).ifPresent(v -> id = v);
        JsonSupport.string(spec, "name").ifPresent(v -> name = v);
        JsonSupport.string(spec, "slug").ifPresent(v -> slug = v);
    }

    JsonObject toJson(Members members) {
        return Json.createObjectBuilder()
                .add("applicationId", id)
                .add("clientId", clientId)
                .add("name", name)
                .add("slug", slug)
                .add("isActive", active)
                .add("tenants", members.tenantsJson())
                .build();
    }
}
