package com.authvital.jakarta.internal.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.authvital.jakarta.internal.message.ConfigKeys.*;

/**
 * The receiver of AuthVital's signed events ({@code authvital.events.*}).
 *
 * @param path                where the module maps the receiver itself; empty when the application maps it, or not at all
 * @param applicationId       AuthVital's internal id of the application ({@code authvital.application-id}): events
 *                            name the application by it, never by the client id
 * @param tenants             the tenants whose events are acted on; empty for every tenant
 * @param maxAge              how far from this server's clock a per-application event's signed timestamp may be
 * @param system              whether the instance-wide system webhooks ({@code X-Webhook-*}) are taken too
 * @param licensesGateAccess  whether a revoked licence takes the application away, rather than changing the token
 */
public record EventSettings(Optional<String> path, Optional<String> applicationId, List<String> tenants, Duration maxAge,
                            boolean system, boolean licensesGateAccess) {

    static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(300);

    static EventSettings read(ConfigReader r) {
        Optional<String> path = r.urlPatterns(EVENTS_PATH).orElse(List.of()).stream().findFirst();
        Optional<String> applicationId = r.lookup(APPLICATION_ID);
        if (path.isPresent() && applicationId.isEmpty()) {
            r.required(APPLICATION_ID, "AUTHVITAL_APPLICATION_ID", "your application's id at AuthVital (not the "
                    + "client id): its events name the application by it");
        }
        return new EventSettings(path, applicationId, List.copyOf(r.list(EVENTS_TENANTS)),
                // Not below 30 s: AuthVital's clock and this server's are never that close; not above an hour.
                r.duration(EVENTS_MAX_AGE, DEFAULT_MAX_AGE, Duration.ofSeconds(30), Duration.ofHours(1)),
                r.flag(EVENTS_SYSTEM, false), r.flag(EVENTS_LICENSES_GATE_ACCESS, false));
    }

    /** Whether events of this tenant are acted on. */
    public boolean takesTenant(String tenantId) {
        return tenants.isEmpty() || tenants.contains(tenantId);
    }

    @Override
    public String toString() {
        return "EventSettings[path=" + path.orElse("-") + ", applicationId=" + applicationId.orElse("-") + ", tenants="
                + tenants + ", maxAge=" + maxAge + ", system=" + system + ", licensesGateAccess=" + licensesGateAccess + "]";
    }
}
