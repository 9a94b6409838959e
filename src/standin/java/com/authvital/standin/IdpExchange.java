package com.authvital.standin;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange as the handlers see it: raw path and query, the body read once, its JSON
 * parsed once, and helpers that answer JSON, HTML or a redirect.
 */
final class IdpExchange {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpExchange exchange;
    private final byte[] body;
    private JsonValue json;
    private boolean parsed;

    IdpExchange(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        try (InputStream in = exchange.getRequestBody()) {
            this.body = in.readNBytes(MAX_BODY_BYTES);
        }
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The path as sent, still percent-encoded: routing must not see {@code %2F} as a slash. */
    String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    /** The query as sent, or null when there is none. */
    String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    /** A query parameter, decoded; empty when absent or blank. */
    Optional<String> query(String name) {
        return Optional.ofNullable(FormCodec.parse(rawQuery()).get(name)).filter(v -> !v.isBlank());
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** Every value of a header, in order; empty when absent. */
    List<String> headers(String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : values;
    }

    String remoteAddress() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    boolean isForm() {
        return header("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body. */
    Map<String, String> form() {
        return FormCodec.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** The JSON body, or empty when none was sent; a malformed body is a 400 like the IdP's. */
    Optional<JsonValue> json() {
        if (!parsed) {
            json = body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()
                    ? null : JsonSupport.parse(body);
            parsed = true;
        }
        return Optional.ofNullable(json);
    }

    /**
     * The JSON body as an object. No body and an array read as {@code {}}: an array has no
     * fields, and the IdP's handlers then see none either.
     */
    JsonObject jsonObject() {
        JsonValue value = json().orElse(JsonValue.EMPTY_JSON_OBJECT);
        switch (value.getValueType()) {
            case OBJECT: return value.asJsonObject();
            case ARRAY: return JsonValue.EMPTY_JSON_OBJECT;
            default: throw HttpProblem.badRequest(JsonSupport.INVALID_BODY);
        }
    }

    void addHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    void sendJson(int status, JsonStructure value) throws IOException {
        send(status, JSON_TYPE, JsonSupport.bytes(value));
    }

    void sendHtml(int status, String html) throws IOException {
        send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    void redirect(int status, String location) throws IOException {
        addHeader("Location", location);
        send(status, null, new byte[0]);
    }

    /**
     * Announces the whole body and sends only its first {@code sent} bytes; then, until the server
     * stops (a minute at most), nothing ({@code trickleMs} 0) or one more byte every
     * {@code trickleMs}: a proxy or an IdP that stalls mid-answer.
     */
    void sendStalled(int status, String contentType, byte[] content, int sent, long trickleMs) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, content.length);
        OutputStream out = exchange.getResponseBody();
        int next = Math.min(sent, content.length);
        out.write(content, 0, next);
        out.flush();
        long end = System.nanoTime() + 60_000_000_000L;
        try {
            while (System.nanoTime() < end) {
                Thread.sleep(trickleMs > 0 ? trickleMs : 100);
                if (trickleMs > 0 && next < content.length - 1) {
                    out.write(content[next++]);
                    out.flush();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // the server is closing
        } catch (IOException clientGone) {
            // the client gave up: what this fault is for
        }
        exchange.close(); // short of the announced length: the client sees a broken answer
    }

    /** Answers with exactly this status, content type (none when null) and body. */
    void send(int status, String contentType, byte[] content) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        // HttpServer: -1 means "no body"; 204 and 304 must not carry one.
        boolean empty = content.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : content.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
    }
}
