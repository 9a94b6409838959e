package com.authvital.jakarta.internal.events;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * An event whose signature was the IdP's, parsed.
 *
 * @param channel       the webhook channel it came by
 * @param id            its identity for deduplication: the event id of a sync event (stable over
 *                      retries), {@code sha256:<hex>} of the body for a system webhook, which has none
 * @param type          {@code member.suspended}, {@code tenant.app.revoked}...
 * @param timestamp     when the IdP emitted it (the body's {@code timestamp}), not when it was sent
 * @param tenantId      the tenant it is about; null for a system webhook, whose {@code data} says
 * @param applicationId AuthVital's internal id of the application (not the client id); null for a system webhook
 * @param data          the event's own fields
 */
public record VerifiedEvent(EventChannel channel, String id, String type, Instant timestamp, String tenantId,
                            String applicationId, JsonObject data) {

    /** Ids and the type only: the data holds e-mail addresses. */
    @Override
    public String toString() {
        return "VerifiedEvent[" + channel + " " + type + " id=" + id + " at " + timestamp + ", tenant=" + tenantId
                + ", application=" + applicationId + "]";
    }
}
