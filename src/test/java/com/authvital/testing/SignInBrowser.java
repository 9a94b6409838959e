package com.authvital.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser without a screen for the sign-in loop: an HTTP client with a cookie jar that follows
 * no redirect by itself, so that a test sees each step (the application's sign-in, the stand-in's
 * sign-in form, the callback) and may change one. Cookies are kept per host and path, as a browser
 * keeps them; like a browser, it sends the application's cookies to any port of its host.
 */
public final class SignInBrowser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** A GET of {@code url} with these headers (name, value…). */
    public HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A form POST of {@code fields} to {@code url}. */
    public HttpResponse<String> postForm(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * The sign-in form's answer for the authorize URL {@code authorize} (the {@code Location} the
     * application's sign-in answered): the stand-in's {@code POST /oauth/authorize/login} with the
     * request's parameters and {@code decision} ({@code demo}, {@code second} or {@code deny}).
     */
    public HttpResponse<String> decide(String authorize, String decision) {
        URI uri = URI.create(authorize);
        Map<String, String> fields = new LinkedHashMap<>(query(uri));
        fields.put("decision", decision);
        return postForm(uri.getScheme() + "://" + uri.getAuthority() + "/oauth/authorize/login", fields);
    }

    /** The cookie {@code name} the jar would send to {@code url}, if any. */
    public Optional<String> cookie(String url, String name) {
        return cookies.getCookieStore().get(URI.create(url)).stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** Puts a cookie into the jar for {@code url}'s host, on path {@code path}. */
    public void setCookie(String url, String name, String value, String path) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(url), cookie);
    }

    /** The query parameters of {@code uri}, decoded. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The {@code Location} of an answer, resolved against its request. */
    public static String location(HttpResponse<?> answer) {
        String location = answer.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in a " + answer.statusCode() + " answer"));
        return answer.uri().resolve(location).toString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
