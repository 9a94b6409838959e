package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's webhook registrations and the test controls over their delivery: at most one
 * URL per channel (A, per application; B, instance-wide), the events each wants, and what the next
 * events meet (duplicates, holding for a release in another order, a tampered request). Hands each
 * emitted event to the {@link WebhookSender}; nothing is sent while nothing is registered.
 */
final class Webhooks {

    /**
     * One registered URL.
     *
     * @param events channel A: exact types or {@code prefix.*} (events §3.9), none for all;
     *               channel B: exact names, none for all (the real IdP requires at least one)
     */
    record Registration(WebhookEvent.Channel channel, URI url, String applicationId, List<String> events) {

        boolean wants(WebhookEvent event) {
            if (event.channel() != channel) {
                return false;
            }
            if (channel == WebhookEvent.Channel.SYNC && !applicationId.equals(event.applicationId())) {
                return false;
            }
            return events.isEmpty() || events.stream().anyMatch(filter -> filter.equals(event.type())
                    || channel == WebhookEvent.Channel.SYNC && filter.endsWith(".*")
                    && event.type().startsWith(filter.substring(0, filter.length() - 1)));
        }

        JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("channel", channel.wireName())
                    .add("url", url.toString())
                    .add("applicationId", JsonSupport.nullable(applicationId))
                    .add("events", Json.createArrayBuilder(events))
                    .build();
        }
    }

    /** How a request is spoiled for a receiver's negative tests. */
    enum Tamper {
        NONE, SIGNATURE, STALE_TIMESTAMP, FOREIGN_KID, BODY;

        String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Tamper of(String name) {
            for (Tamper tamper : values()) {
                if (tamper.wireName().equals(name)) {
                    return tamper;
                }
            }
            throw HttpProblem.badRequest("tamper must be one of signature, stale-timestamp, foreign-kid, body, none");
        }
    }

    /**
     * What the events emitted from now on meet.
     *
     * @param duplicates extra copies of each event after its first successful delivery
     * @param tamper     how every request is spoiled
     * @param hold       keep events until {@code POST /dev/webhooks/release}
     */
    record Controls(int duplicates, Tamper tamper, boolean hold) {

        static final Controls NONE = new Controls(0, Tamper.NONE, false);

        JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("duplicates", duplicates)
                    .add("tamper", tamper.wireName())
                    .add("hold", hold)
                    .build();
        }
    }

    /** An event bound for one registration, with the controls of its emission. */
    record Job(WebhookEvent event, Registration target, Controls controls) {
    }

    private final Map<WebhookEvent.Channel, Registration> registrations = new ConcurrentHashMap<>();
    private final List<Job> held = new ArrayList<>();
    private final WebhookSender sender;
    private final Application application;
    private final WebhookKeys keys;
    private volatile Controls controls = Controls.NONE;

    Webhooks(WebhookSender sender, Application application, WebhookKeys keys) {
        this.sender = sender;
        this.application = application;
        this.keys = keys;
    }

    /**
     * Registers from {@code {"url","channel":"sync"|"system","applicationId","events":[..]}}; the
     * URL must be http(s) on loopback, the application defaults to the stand-in's.
     */
    Registration register(JsonObject spec) {
        WebhookEvent.Channel channel = WebhookEvent.Channel.of(JsonSupport.string(spec, "channel").orElse("sync"));
        URI url = loopbackUrl(JsonSupport.string(spec, "url")
                .orElseThrow(() -> HttpProblem.badRequest("url is required")));
        List<String> events = new ArrayList<>();
        jakarta.json.JsonValue filter = spec.getOrDefault("events", jakarta.json.JsonValue.NULL);
        if (filter != jakarta.json.JsonValue.NULL) {
            if (filter.getValueType() != jakarta.json.JsonValue.ValueType.ARRAY
                    || !filter.asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
                throw HttpProblem.badRequest("events must be an array of event types");
            }
            filter.asJsonArray().getValuesAs(JsonString.class).forEach(s -> events.add(s.getString()));
        }
        String applicationId = channel == WebhookEvent.Channel.SYNC
                ? JsonSupport.string(spec, "applicationId").orElse(application.id()) : null;
        Registration registration = new Registration(channel, url, applicationId, List.copyOf(events));
        keys.ring(); // the webhook key is in the JWKS before the first event that names it
        registrations.put(channel, registration);
        return registration;
    }

    /** Removes one channel's registration, or both when {@code channel} is empty. */
    void unregister(Optional<String> channel) {
        if (channel.isPresent()) {
            registrations.remove(WebhookEvent.Channel.of(channel.get()));
        } else {
            registrations.clear();
        }
    }

    /** The URL registered for the channel, if any. */
    Optional<Registration> registration(WebhookEvent.Channel channel) {
        return Optional.ofNullable(registrations.get(channel));
    }

    JsonObject registrationsJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        registrations.values().forEach(r -> list.add(r.toJson()));
        return Json.createObjectBuilder().add("webhooks", list).build();
    }

    Controls controls() {
        return controls;
    }

    /** Sets the controls from {@code {"duplicates","tamper","hold"}}; an absent field keeps its value. */
    Controls controls(JsonObject spec) {
        Controls old = controls;
        int duplicates = JsonSupport.count(spec, "duplicates").map(Long::intValue).orElse(old.duplicates());
        Tamper tamper = JsonSupport.string(spec, "tamper").map(Tamper::of)
                .orElse(spec.containsKey("tamper") ? Tamper.NONE : old.tamper());
        jakarta.json.JsonValue holdValue = spec.getOrDefault("hold", old.hold() ? jakarta.json.JsonValue.TRUE
                : jakarta.json.JsonValue.FALSE);
        if (holdValue != jakarta.json.JsonValue.TRUE && holdValue != jakarta.json.JsonValue.FALSE) {
            throw HttpProblem.badRequest("hold must be true or false");
        }
        boolean hold = holdValue == jakarta.json.JsonValue.TRUE;
        controls = new Controls(duplicates, tamper, hold);
        return controls;
    }

    void resetControls() {
        controls = Controls.NONE;
    }

    /**
     * Sends the event to each registration that wants it, after the caller's business change and
     * without waiting for the receiver (AuthVital emits after commit, not awaited: events §3.8).
     */
    void emit(WebhookEvent event) {
        Controls now = controls;
        for (Registration registration : registrations.values()) {
            if (registration.wants(event)) {
                Job job = new Job(event, registration, now);
                if (now.hold()) {
                    synchronized (held) {
                        held.add(job);
                    }
                } else {
                    sender.deliver(List.of(job));
                }
            }
        }
    }

    /**
     * Ends the hold and sends the held events one after the other in emission order or its
     * reverse; retries and duplicates follow as usual.
     */
    List<Job> release(boolean reverse) {
        List<Job> jobs;
        synchronized (held) {
            jobs = new ArrayList<>(held);
            held.clear();
        }
        controls = new Controls(controls.duplicates(), controls.tamper(), false);
        if (reverse) {
            Collections.reverse(jobs);
        }
        if (!jobs.isEmpty()) {
            sender.deliver(jobs);
        }
        return jobs;
    }

    int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private static URI loopbackUrl(String text) {
        try {
            URI url = URI.create(text);
            boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            if (web && url.getHost() != null && LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT))) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw HttpProblem.badRequest("url must be an http or https URL on 127.0.0.1, [::1] or localhost");
    }
}
