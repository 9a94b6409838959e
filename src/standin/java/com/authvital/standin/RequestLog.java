package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every request to {@code /oauth/*} and {@code /api/*}, in arrival order, for {@code GET /dev/requests}: tests
 * assert what the module sent. It keeps whether an {@code Authorization} header was present,
 * never its value, and no token at all.
 */
final class RequestLog {

    /**
     * One recorded request.
     *
     * @param seq           1 for the first request the IdP received
     * @param method        the HTTP method
     * @param path          the raw path, still percent-encoded
     * @param query         the raw query with token values redacted, or null
     * @param sessionId     the decoded session id of a revoke call, else null
     * @param authorization whether an {@code Authorization} header was sent
     * @param userId        the {@code sub} of a valid bearer token, else null
     * @param body          the JSON body of a logout-all call, else null
     */
    record Entry(long seq, String method, String path, String query, String sessionId,
                 boolean authorization, String userId, JsonValue body) {

        JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("seq", seq)
                    .add("method", method)
                    .add("path", path)
                    .add("query", JsonSupport.nullable(query))
                    .add("sessionId", JsonSupport.nullable(sessionId))
                    .add("authorization", authorization)
                    .add("userId", JsonSupport.nullable(userId))
                    .add("body", JsonSupport.nullable(body))
                    .build();
        }
    }

    static final String REDACTED = "[redacted]";

    private static final Set<String> TOKEN_PARAMETERS =
            Set.of("access_token", "refresh_token", "id_token", "id_token_hint", "token", "code");
    // Three base64url parts, percent-encoded or not: the shape of a JWS compact serialization.
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]*(\\.|%2E)[\\w-]*(\\.|%2E)", Pattern.CASE_INSENSITIVE);

    private final List<Entry> entries = new ArrayList<>();
    private long lastSeq;

    /** Records a request; the sequence number and the list order are the order of arrival. */
    synchronized void record(IdpExchange call, String sessionId, String userId, JsonValue body) {
        entries.add(new Entry(++lastSeq, call.method(), call.rawPath(), redact(call.rawQuery()), sessionId,
                call.header("Authorization").isPresent(), userId, body));
    }

    /**
     * The raw query with the value of every token parameter, and of anything shaped like a JWT,
     * replaced: a client may put {@code id_token_hint} in a browser logout's query.
     */
    static String redact(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            boolean secret = TOKEN_PARAMETERS.contains(name.toLowerCase(Locale.ROOT)) || JWT.matcher(value).find();
            pairs.add(secret && !value.isEmpty() ? name + "=" + REDACTED : pair);
        }
        return String.join("&", pairs);
    }

    /** Forgets the recorded requests; sequence numbers keep counting. */
    synchronized void clear() {
        entries.clear();
    }

    synchronized JsonObject toJson() {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        entries.forEach(e -> requests.add(e.toJson()));
        return Json.createObjectBuilder()
                .add("count", entries.size())
                .add("requests", requests)
                .build();
    }
}
