package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stand-in sent, attempt by attempt, for {@code GET /dev/webhooks/deliveries}: never a
 * signature, only the kid that made it.
 */
final class DeliveryLog {

    /**
     * One attempt's result.
     *
     * @param status the receiver's status, or null when no answer came
     * @param error  why no answer came ({@code timeout}, the exception's name), or null
     * @param keyId  the kid the request named
     */
    record Outcome(Integer status, String error, String keyId) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private record Entry(Webhooks.Job job, int attempt, int copy, Outcome outcome, Instant at) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void record(Webhooks.Job job, int attempt, int copy, Outcome outcome) {
        entries.add(new Entry(job, attempt, copy, outcome, Instant.now()));
    }

    synchronized void clear() {
        entries.clear();
    }

    /**
     * {@code [{"channel","eventId","type","url","attempt","copy","status","error","keyId","tamper","at"}]},
     * oldest first; {@code eventId} null on channel B, {@code copy} 0 for the original and 1..N
     * for duplicates.
     */
    synchronized JsonArrayBuilder toJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Entry entry : entries) {
            WebhookEvent event = entry.job().event();
            list.add(Json.createObjectBuilder()
                    .add("channel", event.channel().wireName())
                    .add("eventId", JsonSupport.nullable(event.channel() == WebhookEvent.Channel.SYNC ? event.id() : null))
                    .add("type", event.type())
                    .add("url", entry.job().target().url().toString())
                    .add("attempt", entry.attempt())
                    .add("copy", entry.copy())
                    .add("status", entry.outcome().status() == null ? jakarta.json.JsonValue.NULL
                            : Json.createValue(entry.outcome().status()))
                    .add("error", JsonSupport.nullable(entry.outcome().error()))
                    .add("keyId", entry.outcome().keyId())
                    .add("tamper", entry.job().controls().tamper().wireName())
                    .add("at", JsonSupport.iso(entry.at())));
        }
        return list;
    }
}
