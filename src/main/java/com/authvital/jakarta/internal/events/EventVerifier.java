package com.authvital.jakarta.internal.events;

import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.token.TokenValidator.SignatureCheck;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks an event as AuthVital signs it (authvital-events.md §3.3, §6.2) before anything reads it:
 * the timestamp digits only and within the window (per-application events), the key named by the
 * request among the IdP's, the signature (standard base64, RSASSA-PKCS1-v1_5 with SHA-256) over
 * the timestamp, a dot and the exact bytes received, or over the bytes alone for a system webhook;
 * then the body a JSON object with the event's fields. Never parses before the signature holds.
 */
public final class EventVerifier {

    /** What checks a signature by one of the IdP's keys: {@code TokenValidator::verifySignature}. */
    @FunctionalInterface
    public interface Keys {
        SignatureCheck verify(String kid, byte[] signingInput, byte[] signature);
    }

    /** Unix seconds: digits only (a JWT's signing input is never that), at most 12 of them. */
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    /** A key id as AuthVital writes them ({@code key_<ms>_<hex>}), and whatever else it may: printable, bounded. */
    private static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
    /** An RSA-4096 signature in base64 is 684 characters; nothing longer is read. */
    private static final int MAX_SIGNATURE_CHARS = 1024;
    private static final int MAX_ID_CHARS = 200;
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final Keys keys;
    private final Clock clock;
    private final Duration window;

    /**
     * @param keys   the IdP's keys
     * @param window how far from this server's clock a per-application event's timestamp may be
     */
    public EventVerifier(Keys keys, Clock clock, Duration window) {
        this.keys = keys;
        this.clock = clock;
        this.window = window;
    }

    /**
     * The event, when the IdP signed exactly these bytes.
     *
     * @param headers the request's headers by name, null for a missing one
     * @throws EventRefusedException with its status and id when it is not acted on
     * @throws com.authvital.jakarta.IdpUnavailableException when the IdP's keys cannot be had (the sender retries)
     */
    public VerifiedEvent verify(EventChannel channel, Function<String, String> headers, byte[] body) {
        String signatureText = headers.apply(channel.signatureHeader);
        if (signatureText == null || signatureText.isEmpty() || signatureText.length() > MAX_SIGNATURE_CHARS) {
            throw new EventRefusedException(401, Messages.eventUnsigned(channel.signatureHeader));
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureText); // standard base64, as AuthVital writes it
        } catch (IllegalArgumentException e) {
            throw new EventRefusedException(401, Messages.eventUnsigned(channel.signatureHeader));
        }
        String kid = headers.apply(channel.keyIdHeader);
        if (kid == null || !KEY_ID.matcher(kid).matches()) {
            throw new EventRefusedException(401, Messages.eventUnsigned(channel.keyIdHeader));
        }
        byte[] signingInput = body;
        if (channel.timestampHeader != null) {
            String seconds = headers.apply(channel.timestampHeader);
            if (seconds == null || !SECONDS.matcher(seconds).matches()) {
                throw new EventRefusedException(401, Messages.eventOutsideWindow(window.toSeconds()));
            }
            long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(seconds));
            if (age > window.toSeconds()) {
                throw new EventRefusedException(401, Messages.eventOutsideWindow(window.toSeconds()));
            }
            signingInput = signed(seconds, body);
        }
        switch (keys.verify(kid, signingInput, signature)) {
            case UNKNOWN_KEY -> throw new EventRefusedException(401, Messages.eventUnknownKey());
            // A key AuthVital added since the last fetch, or a made-up one: not known until a fetch
            // may look; the sender tries again (503), and its retry finds a new key.
            case UNKNOWN_KEY_NOT_FETCHED -> throw new EventRefusedException(503, Messages.eventKeyNotYetFetched());
            case INVALID -> throw new EventRefusedException(401, Messages.eventBadSignature());
            case VALID -> {
                // the IdP's: now the body may be read
            }
        }
        JsonObject json = parse(body);
        return channel == EventChannel.SYNC ? syncEvent(json, headers.apply("X-AuthVital-Event-Id"))
                : systemEvent(json, body);
    }

    /** ASCII of the timestamp, a dot, the body's bytes as received. */
    private static byte[] signed(String seconds, byte[] body) {
        byte[] prefix = seconds.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[prefix.length + 1 + body.length];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        input[prefix.length] = '.';
        System.arraycopy(body, 0, input, prefix.length + 1, body.length);
        return input;
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new EventRefusedException(400, Messages.eventMalformed("not a JSON object"));
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new EventRefusedException(400, Messages.eventMalformed("not JSON"));
        }
    }

    private static VerifiedEvent syncEvent(JsonObject json, String headerId) {
        String id = text(json, "id");
        if (headerId != null && !headerId.equals(id)) {
            throw new EventRefusedException(400, Messages.eventMalformed("X-AuthVital-Event-Id is not the body's id"));
        }
        // tenant_id and application_id may be "" (an invitation without an application, §2.1):
        // such an event is nobody's here, not a malformed one.
        return new VerifiedEvent(EventChannel.SYNC, id, text(json, "type"), instant(json), maybeEmpty(json, "tenant_id"),
                maybeEmpty(json, "application_id"), object(json));
    }

    private static VerifiedEvent systemEvent(JsonObject json, byte[] body) {
        return new VerifiedEvent(EventChannel.SYSTEM, "sha256:" + sha256(body), text(json, "event"), instant(json),
                null, null, object(json));
    }

    private static String maybeEmpty(JsonObject json, String field) {
        if (json.get(field) instanceof JsonString value && value.getString().isEmpty()) {
            return "";
        }
        return text(json, field);
    }

    private static String text(JsonObject json, String field) {
        if (json.get(field) instanceof JsonString value && !value.getString().isEmpty()
                && value.getString().length() <= MAX_ID_CHARS) {
            return value.getString();
        }
        throw new EventRefusedException(400, Messages.eventMalformed("no '" + field + "'"));
    }

    private static Instant instant(JsonObject json) {
        try {
            return Instant.parse(text(json, "timestamp"));
        } catch (DateTimeParseException e) {
            throw new EventRefusedException(400, Messages.eventMalformed("'timestamp' is not ISO-8601"));
        }
    }

    private static JsonObject object(JsonObject json) {
        if (json.get("data") instanceof JsonObject data) {
            return data;
        }
        throw new EventRefusedException(400, Messages.eventMalformed("no 'data' object"));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
