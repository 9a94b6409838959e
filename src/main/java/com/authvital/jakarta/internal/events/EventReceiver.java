package com.authvital.jakarta.internal.events;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.config.EventSettings;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.AccessMarks;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The receiver of AuthVital's signed events, behind {@code AuthVitalEventsServlet}: {@code POST}
 * only, the raw body read up to a limit, verified before anything reads it, then done once across
 * the servers (authvital-events.md §6). A 2xx as soon as the effect is recorded, for a duplicate
 * too; 401 with an id and nothing acted on for what AuthVital did not sign; 503 with
 * {@code Retry-After} while the store the servers share or the IdP's keys cannot be had, so that
 * AuthVital sends it again.
 */
public final class EventReceiver {

    /** AuthVital's events are a few hundred bytes; nothing beyond this is read. */
    static final int MAX_BODY = 64 * 1024;
    /** A system webhook has no signed time: older than this (AuthVital's retries end before), it is a replay. */
    static final Duration SYSTEM_MAX_AGE = Duration.ofHours(48);
    private static final long RETRY_AFTER_SECONDS = 30;
    /** At most one WARNING a minute for refused deliveries: anyone can post. */
    private static final long REFUSAL_LOG_INTERVAL_MILLIS = 60_000;

    private static final System.Logger LOG = System.getLogger(EventReceiver.class.getName());

    private final EventVerifier verifier;
    private final EventLedger ledger;
    private final EventEffects effects;
    private final SessionStore store;
    private final Telemetry telemetry;
    private final Clock clock;
    private final boolean system;
    private final boolean applicationKnown;
    private final AtomicLong lastRefusalLog = new AtomicLong(-REFUSAL_LOG_INTERVAL_MILLIS);
    private final AtomicLong refusedSinceLog = new AtomicLong();

    public EventReceiver(EventSettings settings, String clientId, EventVerifier verifier, SessionStore store,
                         AccessMarks access, Telemetry telemetry, Clock clock) {
        this.verifier = verifier;
        this.store = store;
        this.ledger = new EventLedger(store, clock);
        this.effects = new EventEffects(settings, clientId, access);
        this.telemetry = telemetry;
        this.clock = clock;
        this.system = settings.system();
        this.applicationKnown = settings.applicationId().isPresent();
    }

    /** Whether {@code authvital.application-id} is set: without it no event can be told to be this application's. */
    public boolean knowsTheApplication() {
        return applicationKnown;
    }

    /** Answers one request to the receiver. */
    public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            answer(response, 405, Messages.eventNotPost());
            return;
        }
        byte[] body = body(request);
        if (body == null) {
            refused(response, 413, Messages.eventTooLarge(MAX_BODY));
            return;
        }
        receive(request::getHeader, body, response);
    }

    /** The body, or null when it is larger than {@link #MAX_BODY}: read as bytes, never as characters (§6.1). */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] read = in.readNBytes(MAX_BODY + 1);
            return read.length > MAX_BODY ? null : read;
        }
    }

    private void receive(Function<String, String> headers, byte[] body, HttpServletResponse response) throws IOException {
        EventChannel channel = headers.apply(EventChannel.SYNC.signatureHeader) == null
                && headers.apply(EventChannel.SYSTEM.signatureHeader) != null ? EventChannel.SYSTEM : EventChannel.SYNC;
        if (channel == EventChannel.SYSTEM && !system) {
            refused(response, 403, Messages.eventSystemOff());
            return;
        }
        if (!store.reachable()) {
            // Neither "done" nor the newest change can be known across the servers: AuthVital sends it again.
            unavailable(response, "other", Messages.eventStoreUnreachable());
            return;
        }
        VerifiedEvent event;
        try {
            event = verifier.verify(channel, headers, body);
        } catch (EventRefusedException e) {
            // A key not fetched yet is 503, for AuthVital to retry; counted and logged as a refusal,
            // since a made-up key id gets the same answer.
            refused(response, e.status(), e.getMessage());
            return;
        } catch (IdpUnavailableException e) {
            unavailable(response, "other", e.getMessage());
            return;
        }
        String type = EventEffects.KNOWN.contains(event.type()) ? event.type() : "other";
        if (ledger.isDone(event)) {
            telemetry.event(type, "duplicate");
            LOG.log(System.Logger.Level.DEBUG, () -> Messages.eventDuplicate(event.toString()));
            answer(response, 204, null);
            return;
        }
        EventEffects.Effect effect;
        try {
            effect = channel == EventChannel.SYSTEM && event.timestamp().isBefore(clock.instant().minus(SYSTEM_MAX_AGE))
                    ? EventEffects.Effect.IGNORED : effects.apply(event);
            ledger.done(event);
        } catch (RuntimeException e) {
            // The store refused or kept changing: not done, so AuthVital's retry applies it again.
            LOG.log(System.Logger.Level.WARNING, () -> Messages.eventNotRecorded(event.toString(), e.getMessage()));
            unavailable(response, type, Messages.eventNotRecorded(event.toString(), null));
            return;
        }
        telemetry.event(type, effect == EventEffects.Effect.APPLIED ? "applied" : "ignored");
        if (effect == EventEffects.Effect.APPLIED) {
            LOG.log(System.Logger.Level.INFO, () -> Messages.eventApplied(event.toString()));
        } else {
            LOG.log(System.Logger.Level.DEBUG, () -> Messages.eventIgnored(event.toString()));
        }
        answer(response, 204, null);
    }

    private void refused(HttpServletResponse response, int status, String message) throws IOException {
        telemetry.event("other", "refused");
        if (status == 503) {
            response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
        }
        long now = clock.millis();
        long last = lastRefusalLog.get();
        long count = refusedSinceLog.incrementAndGet();
        if (now - last >= REFUSAL_LOG_INTERVAL_MILLIS && lastRefusalLog.compareAndSet(last, now)) {
            refusedSinceLog.addAndGet(-count);
            LOG.log(System.Logger.Level.WARNING, Messages.eventRefusedLog(message, count));
        }
        answer(response, status, message);
    }

    private void unavailable(HttpServletResponse response, String type, String message) throws IOException {
        telemetry.event(type, "unavailable");
        LOG.log(System.Logger.Level.DEBUG, () -> message);
        response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
        answer(response, 503, message);
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        if (message != null) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            byte[] json = ("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        }
    }

    @Override
    public String toString() {
        return "EventReceiver[system=" + system + "]";
    }
}
