package com.authvital.jakarta.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Reads an error answer of the IdP (status 400 and up) into an {@link IdpErrorResponse}.
 * The NestJS error shape is {@code {"statusCode":N,"message":".."|[".."],"error":".."}}; anything
 * else (a proxy's HTML page, an empty body) is kept as "not JSON" with no message.
 */
public final class IdpErrorMapper implements ResponseExceptionMapper<RuntimeException> {

    /** An error body is read at most this far: a huge proxy page must not be held in memory. */
    private static final int MAX_BODY = 64 * 1024;

    @Override
    public RuntimeException toThrowable(Response response) {
        String body;
        try {
            // At most one byte past what parse() reads: a larger page is not kept whole.
            body = response.hasEntity() ? head(response.readEntity(InputStream.class)) : "";
        } catch (ProcessingException | IllegalStateException | IOException e) {
            body = "";
        }
        return parse(response.getStatus(), body);
    }

    private static String head(InputStream entity) throws IOException {
        try (InputStream in = entity) {
            return new String(in.readNBytes(MAX_BODY + 1), StandardCharsets.UTF_8);
        }
    }

    /** The error of an answer with this status and body. */
    static IdpErrorResponse parse(int status, String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            return new IdpErrorResponse(status, false, List.of());
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new IdpErrorResponse(status, false, List.of());
            }
            return new IdpErrorResponse(status, true, messages(value.asJsonObject()));
        } catch (JsonException | IllegalStateException e) {
            return new IdpErrorResponse(status, false, List.of());
        }
    }

    private static List<String> messages(JsonObject error) {
        JsonValue message = error.get("message");
        List<String> messages = new ArrayList<>();
        if (message instanceof JsonString text) {
            messages.add(text.getString());
        } else if (message != null && message.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : message.asJsonArray()) {
                messages.add(item instanceof JsonString text ? text.getString() : item.toString());
            }
        }
        return messages;
    }
}
