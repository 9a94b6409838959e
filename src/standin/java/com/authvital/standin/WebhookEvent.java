package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One event as the stand-in sends it, its body made once, so every attempt and every duplicate
 * sends the same bytes (authvital-events.md §2, §3.6).
 *
 * @param channel       which of AuthVital's two webhook channels carries it
 * @param id            channel A: the body's {@code id} and {@code X-AuthVital-Event-Id}; channel B
 *                      has none on the wire, this one only names it in the delivery log
 * @param type          {@code type} (A) or {@code event} (B)
 * @param timestamp     the body's ISO-8601 {@code timestamp}, with milliseconds
 * @param tenantId      the tenant, or null (B's instance-level events)
 * @param applicationId the application's internal id, or null
 * @param body          the raw body, compact JSON in JSONB key order
 */
record WebhookEvent(Channel channel, String id, String type, String timestamp, String tenantId,
        String applicationId, byte[] body) {

    /** AuthVital's two signed channels (events §1). */
    enum Channel {
        /** A: per-application sync events, {@code X-AuthVital-*} headers, signature over {@code ts.body}. */
        SYNC,
        /** B: instance-wide system webhooks, {@code X-Webhook-*} headers, signature over the body. */
        SYSTEM;

        /** {@code "sync"} or {@code "system"}, as the dev API names it. */
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Channel of(String name) {
            for (Channel channel : values()) {
                if (channel.wireName().equals(name)) {
                    return channel;
                }
            }
            throw HttpProblem.badRequest("channel must be \"sync\" or \"system\"");
        }
    }

    /**
     * A sync event (events §2.1): {@code {id, type, timestamp, tenant_id, application_id, data}}
     * with a new UUID v4 id, emitted now unless {@code at} is given.
     */
    static WebhookEvent sync(String type, String tenantId, String applicationId, JsonObject data, Instant at) {
        String id = UUID.randomUUID().toString();
        String timestamp = JsonSupport.iso(at != null ? at : Instant.now());
        JsonObject envelope = Json.createObjectBuilder()
                .add("id", id)
                .add("type", type)
                .add("timestamp", timestamp)
                .add("tenant_id", JsonSupport.nullable(tenantId))
                .add("application_id", JsonSupport.nullable(applicationId))
                .add("data", data)
                .build();
        return new WebhookEvent(Channel.SYNC, id, type, timestamp, tenantId, applicationId, JsonbWire.bytes(envelope));
    }

    /** A system event (events §2.2): {@code {event, timestamp, data}}, nothing else at the top. */
    static WebhookEvent system(String type, JsonObject data, Instant at) {
        String timestamp = JsonSupport.iso(at != null ? at : Instant.now());
        JsonObject envelope = Json.createObjectBuilder()
                .add("event", type)
                .add("timestamp", timestamp)
                .add("data", data)
                .build();
        String tenantId = data.containsKey("tenant_id") ? JsonSupport.string(data, "tenant_id").orElse(null) : null;
        String applicationId = JsonSupport.string(data, "application_id").orElse(null);
        return new WebhookEvent(Channel.SYSTEM, UUID.randomUUID().toString(), type, timestamp, tenantId,
                applicationId, JsonbWire.bytes(envelope));
    }

    /** {@code {"channel","id","type"}}, what a control answers; {@code id} null on channel B. */
    JsonObject summary() {
        return Json.createObjectBuilder()
                .add("channel", channel.wireName())
                .add("id", JsonSupport.nullable(channel == Channel.SYNC ? id : null))
                .add("type", type)
                .build();
    }

    /** Without the body: the record's default would print an array's identity only. */
    @Override
    public String toString() {
        return "WebhookEvent[" + channel.wireName() + " " + type + " " + id + "]";
    }
}
