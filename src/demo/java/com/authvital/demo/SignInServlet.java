package com.authvital.demo;

import com.authvital.jakarta.AuthVitalCookies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dev-only sign-in: asks the stand-in IdP ({@code GET /dev/login}) for a demo user with a few
 * sessions and hands its tokens to the browser as the module's {@code access_token} and
 * {@code refresh_token} cookies, so they belong to whatever host name the browser uses for the demo. A real AuthVital has no
 * such endpoint: sign in there instead.
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    @ConfigProperty(name = "authvital.host")
    String host;

    @Inject
    transient AuthVitalCookies cookies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String userAgent = Optional.ofNullable(request.getHeader("User-Agent")).orElse("");
        HttpRequest login = HttpRequest.newBuilder(URI.create(host.replaceAll("/+$", "") + "/dev/login"))
                .timeout(Duration.ofSeconds(5))
                .header("User-Agent", userAgent.isBlank() ? "unknown" : userAgent)
                .GET().build();
        HttpResponse<String> answer;
        try {
            answer = http.send(login, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            unavailable(response, "The IdP at " + host + " could not be reached.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response, "Interrupted.");
            return;
        }
        if (answer.statusCode() != 200) {
            unavailable(response, "The IdP at " + host + " has no demo sign-in (it answered "
                    + answer.statusCode() + "): sign in at your IdP instead.");
            return;
        }
        // Written again by the module's cookie writer, with the attributes its logout clears.
        Map<String, String> tokens = new HashMap<>();
        answer.headers().allValues("Set-Cookie").forEach(header ->
                HttpCookie.parse(header).forEach(cookie -> tokens.put(cookie.getName(), cookie.getValue())));
        if (!tokens.containsKey("access_token") || !tokens.containsKey("refresh_token")) {
            unavailable(response, "The IdP at " + host + " signed in without setting both token cookies.");
            return;
        }
        cookies.setTokens(response, tokens.get("access_token"), Duration.ofHours(1),
                tokens.get("refresh_token"), Duration.ofDays(7));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }

    private static void unavailable(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(message);
    }
}
