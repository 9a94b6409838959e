package com.authvital.jakarta.it.filter;

import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.LogoutAllServlet;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behind the filter, a request whose token is the cookie may change something (POST, PUT, PATCH,
 * DELETE) only from the application's own origin or an allowed one: from anywhere else it answers
 * 403 and the endpoint never runs. A Bearer header, which a browser never adds cross-site, works
 * from anywhere; so does a GET. Behind a TLS-terminating proxy that passes the browser's Host and
 * says https, the public origin is the application's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterCrossSiteIT {

    private static final String ALLOWED = "https://app.example.com";
    private static final String EVIL = "https://evil.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("filter-cross-site", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.allowed-origins", ALLOWED),
                LogoutAllServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> withCookie(String method, NewSession user, String... headers) {
        return send(method, "Cookie", "access_token=" + user.accessToken(), headers);
    }

    private HttpResponse<String> send(String method, String name, String value, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Accept";
        all[1] = "application/json";
        all[2] = name;
        all[3] = value;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return new TestHttp(app).send(method, "api/logout-all", null, all);
    }

    private String ownOrigin() {
        return app.getProtocol() + "://" + app.getHost() + ":" + app.getPort();
    }

    private void assertRefused(NewSession user, HttpResponse<String> out, int before) {
        assertEquals(403, out.statusCode(), out.body());
        assertEquals("forbidden", json(out).getString("error"), out.body());
        assertTrue(json(out).getString("message").startsWith("AV1006E: "), out.body());
        assertFalse(out.body().contains(user.accessToken()), "the answer never repeats the token");
        assertEquals(List.of(), idp.requestsAfter(before), "the endpoint did not run: the IdP was not called");
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    private void assertObeyed(NewSession user, HttpResponse<String> out) {
        assertEquals(200, out.statusCode(), out.body());
        assertEquals(1, json(out).getInt("count"), out.body());
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aCookieRequestFromAnotherOriginIsRefusedWith403AndTheEndpointDoesNotRun(String method) {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, withCookie(method, user, "Origin", EVIL), before);
    }

    @Test
    void aCookieRequestTheBrowserCallsCrossSiteIsRefusedWithoutAnOrigin() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, withCookie("POST", user, "Sec-Fetch-Site", "cross-site"), before);
    }

    @Test
    void aCookieRequestWithOnlyAForeignRefererIsRefused() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, withCookie("POST", user, "Referer", EVIL + "/page?x=1"), before);
    }

    @Test
    void anOpaqueNullOriginIsRefused() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, withCookie("POST", user, "Origin", "null"), before);
    }

    @Test
    void aCookieRequestFromTheApplicationsOwnOriginIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, withCookie("POST", user, "Origin", ownOrigin(), "Sec-Fetch-Site", "same-origin"));
    }

    @Test
    void aCookieRequestFromAnAllowedOriginIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, withCookie("POST", user, "Origin", ALLOWED, "Sec-Fetch-Site", "cross-site"));
    }

    @Test
    void aCookieRequestWithNoneOfOriginSecFetchSiteAndRefererIsNoBrowsersAndIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, withCookie("POST", user));
    }

    @Test
    void aBearerHeaderWorksFromAnyOrigin() {
        NewSession user = idp.newUser();

        assertObeyed(user, send("POST", "Authorization", "Bearer " + user.accessToken(),
                "Origin", EVIL, "Sec-Fetch-Site", "cross-site"));
    }

    @Test
    void aCookieGetFromAnotherOriginPassesSinceItChangesNothing() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = withCookie("GET", user, "Origin", EVIL, "Sec-Fetch-Site", "cross-site");

        assertEquals(200, out.statusCode(), out.body());
        assertEquals(1, json(out).getInt("count"), out.body());
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void behindATlsProxyThatPassesHostAndXForwardedProtoThePublicOriginIsTheOwn() throws Exception {
        NewSession user = idp.newUser();

        String answer = throughProxy(user, "https://shop.example.net", "X-Forwarded-Proto: https");

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void behindATlsProxyThatDoesNotSayHttpsThePublicOriginIsForeign() throws Exception {
        NewSession user = idp.newUser();

        String answer = throughProxy(user, "https://shop.example.net");

        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    /**
     * A cookie POST from the page at {@code origin} as a TLS-terminating proxy for that host
     * forwards it: the browser's Host, the client's address, and {@code extra} headers. A raw
     * socket, since Java's HTTP client does not let a test set Host. The test server has no
     * {@code <remoteIp>}; with one, Liberty would believe the same headers, since they come from
     * 127.0.0.1, a default trusted proxy, with X-Forwarded-For.
     */
    private String throughProxy(NewSession user, String origin, String... extra) throws Exception {
        String host = URI.create(origin).getHost();
        StringBuilder request = new StringBuilder("POST " + app.getPath() + "api/logout-all HTTP/1.1\r\n"
                + "Host: " + host + "\r\nOrigin: " + origin + "\r\nSec-Fetch-Site: same-origin\r\n"
                + "X-Forwarded-For: 203.0.113.9\r\nAccept: application/json\r\n"
                + "Cookie: access_token=" + user.accessToken() + "\r\nContent-Length: 0\r\nConnection: close\r\n");
        for (String header : extra) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(app.getHost(), app.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
