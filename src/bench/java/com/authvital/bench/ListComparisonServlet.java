package com.authvital.bench;

import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.SessionList;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code GET /list-comparison?warmup=W&calls=N&rounds=R}, with the caller's
 * {@code Authorization: Bearer} header: inside Open Liberty, times the sessions service's
 * {@code list(request)} (token check, REST client, JSON-B) against a raw
 * {@code java.net.http.HttpClient} GET of the same IdP endpoint parsed by one reused
 * {@link Jsonb} into the same {@link SessionList}. After W calls of each, R rounds of N calls of
 * each, the order swapped every round; answers the per-call microseconds of every round as JSON.
 */
@WebServlet("/list-comparison")
public class ListComparisonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuthVitalSessions sessions;

    private transient HttpClient http;
    private transient Jsonb jsonb;
    private transient URI listUri;

    @Override
    public void init() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        jsonb = JsonbBuilder.create();
        listUri = URI.create(ConfigProvider.getConfig().getValue("authvital.host", String.class) + "/oauth/sessions");
    }

    @Override
    public void destroy() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // the instance is discarded either way
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int warmup = parameter(request, "warmup", 2000, 20_000);
        int calls = parameter(request, "calls", 500, 5_000);
        int rounds = parameter(request, "rounds", 10, 50);
        String authorization = request.getHeader("Authorization");
        response.setContentType("application/json");
        try {
            SessionList viaService = sessions.list(request);
            if (!viaService.equals(raw(authorization))) {
                throw new IllegalStateException("the two ways read different session lists");
            }
            for (int i = 0; i < warmup; i++) {
                sessions.list(request);
                raw(authorization);
            }
            JsonArrayBuilder service = Json.createArrayBuilder();
            JsonArrayBuilder raw = Json.createArrayBuilder();
            for (int round = 0; round < rounds; round++) {
                boolean serviceFirst = round % 2 == 0;
                double first = serviceFirst ? timeService(request, calls) : timeRaw(authorization, calls);
                double second = serviceFirst ? timeRaw(authorization, calls) : timeService(request, calls);
                service.add(serviceFirst ? first : second);
                raw.add(serviceFirst ? second : first);
            }
            response.getWriter().write(Json.createObjectBuilder()
                    .add("sessions", viaService.count()).add("warmup", warmup).add("calls", calls)
                    .add("serviceMicros", service).add("rawMicros", raw).build().toString());
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            response.setStatus(500);
            response.getWriter().write(Json.createObjectBuilder()
                    .add("error", e.getClass().getName() + ": " + e.getMessage()).build().toString());
        }
    }

    /** Microseconds per call of {@code calls} calls of the sessions service. */
    private double timeService(HttpServletRequest request, int calls) {
        int seen = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            seen += sessions.list(request).count();
        }
        return perCall(start, calls, seen);
    }

    /** Microseconds per call of {@code calls} raw GETs parsed with JSON-B. */
    private double timeRaw(String authorization, int calls) throws IOException, InterruptedException {
        int seen = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            seen += raw(authorization).count();
        }
        return perCall(start, calls, seen);
    }

    private SessionList raw(String authorization) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(listUri).timeout(Duration.ofSeconds(5))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        HttpResponse<String> answer = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /oauth/sessions answered " + answer.statusCode());
        }
        return jsonb.fromJson(answer.body(), SessionList.class);
    }

    private static double perCall(long start, int calls, int seen) {
        if (seen < calls) {
            throw new IllegalStateException("a call listed no session");
        }
        return (System.nanoTime() - start) / 1000.0 / calls;
    }

    private static int parameter(HttpServletRequest request, String name, int fallback, int max) {
        String value = request.getParameter(name);
        if (value == null || !value.matches("\\d{1,6}")) {
            return fallback;
        }
        return Math.max(1, Math.min(max, Integer.parseInt(value)));
    }
}
