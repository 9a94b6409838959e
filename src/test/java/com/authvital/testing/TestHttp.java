package com.authvital.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The tests' HTTP client: real requests to a deployed application, from the client side of an
 * Arquillian test. Not a browser: it keeps no cookies and follows no redirects, so a test sees
 * every {@code Set-Cookie} and {@code Location} it was given.
 */
public final class TestHttp {

    private final URL base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    // For send(): browsers speak HTTP/2 only over TLS, never by an h2c upgrade of plain http; and
    // over h2c Open Liberty answers an exception thrown by a servlet with 200 and an empty body
    // where HTTP/1.1 gets the 500, which would hide exactly the failures the tests look for.
    private final HttpClient http1 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The body of an answer, read as a JSON object. */
    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public TestHttp(URL base) {
        this.base = base;
    }

    /** {@code GET path} with these headers (name, value, name, value…). */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST path} without a body, with these headers (name, value, name, value…). */
    public HttpResponse<String> post(String path, String... headers) {
        return send("POST", path, null, headers);
    }

    /**
     * {@code method path} over HTTP/1.1 with this body ({@code null}: none) and these headers
     * (name, value…); redirects are not followed, so a test sees the {@code Location} it was given.
     */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http1.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
