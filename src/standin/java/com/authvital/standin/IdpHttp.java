package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The unit tests' HTTP client for a {@link StandInIdp}: raw paths go out exactly as written,
 * answers come back as status, headers and body.
 */
final class IdpHttp {

    /** One answer of the stand-in. */
    record Answer(int status, HttpHeaders headers, String body) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        List<String> cookies() {
            return headers.allValues("Set-Cookie");
        }
    }

    /** What {@code POST /dev/sessions} answered. */
    record NewSession(String userId, String sessionId, String accessToken, String refreshToken) {
    }

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    IdpHttp(StandInIdp idp) {
        this.baseUrl = idp.baseUrl();
    }

    /** A new session through the dev API; {@code fields} is its JSON body. */
    NewSession session(String fields) {
        JsonObject created = send("POST", "/dev/sessions", fields).json();
        return new NewSession(created.getString("userId"), created.getString("sessionId"),
                created.getString("accessToken"), created.getString("refreshToken"));
    }

    NewSession newUser() {
        return session("{}");
    }

    /** A token from {@code POST /dev/tokens}; {@code fields} is its JSON body. */
    String mint(String fields) {
        Answer answer = send("POST", "/dev/tokens", fields);
        if (answer.status() != 201) {
            throw new IllegalStateException("POST /dev/tokens answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().getString("token");
    }

    Answer send(String method, String rawPathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + rawPathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST} of an {@code application/x-www-form-urlencoded} body. */
    Answer form(String rawPath, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", rawPath, body, all);
    }

    /** The {@code Location} of a redirect. */
    static String location(Answer answer) {
        return answer.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location; status " + answer.status() + ": " + answer.body()));
    }

    Answer bearer(String method, String rawPathAndQuery, String token, String body) {
        return send(method, rawPathAndQuery, body, "Authorization", "Bearer " + token);
    }
}
