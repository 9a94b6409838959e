package com.authvital.jakarta.internal.http;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.http.RequestOrigin.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The decision table of where a request comes from, on the raw header values (Origin, Sec-Fetch-Site, Referer). */
class RequestOriginTest {

    private static final String OWN = "https://shop.example.com";
    private static final String ALLOWED = "https://app.example.com";

    private final RequestOrigin origins = new RequestOrigin(List.of(ALLOWED + "/", "http://127.0.0.1:9080"));

    // Columns: Origin, Sec-Fetch-Site, Referer, verdict; "-" is a header not sent.
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "https://shop.example.com,      -,           -, OWN_ORIGIN",
        "https://shop.example.com,      same-origin, -, OWN_ORIGIN",
        "https://SHOP.example.com:443,  same-origin, -, OWN_ORIGIN",
        "https://shop.example.com,      none,        -, OWN_ORIGIN",
        "https://shop.example.com,      same-site,   -, CROSS_SITE_FETCH",
        "https://shop.example.com,      cross-site,  -, CROSS_SITE_FETCH",
        "https://app.example.com,       cross-site,  -, ALLOWED_ORIGIN",
        "http://127.0.0.1:9080,         same-site,   -, ALLOWED_ORIGIN",
        "https://evil.example,          -,           -, FOREIGN_ORIGIN",
        "https://evil.example,          same-origin, -, FOREIGN_ORIGIN",
        "http://shop.example.com,       -,           -, FOREIGN_ORIGIN",
        "https://shop.example.com:8443, -,           -, FOREIGN_ORIGIN",
        "https://app.example.com.evil.example, -,    -, FOREIGN_ORIGIN",
        "null,                          -,           -, OPAQUE_ORIGIN",
        "null,                          same-origin, -, OPAQUE_ORIGIN",
        "file://,                       -,           -, OPAQUE_ORIGIN",
        // With Origin sent, Referer is not read: Origin is the stronger statement.
        "https://shop.example.com,      -, https://evil.example/, OWN_ORIGIN",
        "https://evil.example,          -, https://shop.example.com/, FOREIGN_ORIGIN",
        "-,                             same-origin, -, SAME_ORIGIN_FETCH",
        "-,                             none,        -, SAME_ORIGIN_FETCH",
        "-,                             same-site,   -, CROSS_SITE_FETCH",
        "-,                             cross-site,  -, CROSS_SITE_FETCH",
        "-,                             same-origin, https://evil.example/, SAME_ORIGIN_FETCH",
        "-,                             cross-site,  https://shop.example.com/, CROSS_SITE_FETCH",
        // Neither Origin nor Sec-Fetch-Site: Referer decides.
        "-, -, https://shop.example.com/devices?tab=1, OWN_ORIGIN",
        "-, -, https://app.example.com/,               ALLOWED_ORIGIN",
        "-, -, https://evil.example/page,              FOREIGN_REFERER",
        "-, -, https://shop.example.com.evil.example/, FOREIGN_REFERER",
        "-, -, http://shop.example.com/,               FOREIGN_REFERER",
        "-, -, about:blank,                            FOREIGN_REFERER",
        "-, -, not a url,                              FOREIGN_REFERER",
        "-, -, -,                                      NOT_A_BROWSER"})
    void judgesOriginThenSecFetchSiteThenReferer(String origin, String site, String referer, Verdict expected) {
        assertEquals(expected, origins.judge(origin, site, referer, OWN));
    }

    @Test
    void theOwnOriginIsWhatTheRequestReachedWithoutADefaultPort() {
        assertEquals("https://shop.example.com", RequestOrigin.own(request("https", "Shop.Example.com", 443)));
        assertEquals("http://127.0.0.1:9480", RequestOrigin.own(request("http", "127.0.0.1", 9480)));
        assertEquals("http://[::1]:9480", RequestOrigin.own(request("http", "::1", 9480)));
        assertEquals("http://[::1]:9480", RequestOrigin.own(request("http", "[::1]", 9480)));
    }

    @Test
    void anOriginIsSchemeHostAndPortOfAnHttpUrlWithoutCredentials() {
        assertEquals(Optional.of("https://app.example.com"), RequestOrigin.of("https://App.Example.com:443/x?y#z"));
        assertEquals(Optional.of("http://app.example.com:8080"), RequestOrigin.of("http://app.example.com:8080"));
        assertEquals(Optional.empty(), RequestOrigin.of("https://user@app.example.com/"));
        assertEquals(Optional.empty(), RequestOrigin.of("ftp://app.example.com/"));
        assertEquals(Optional.empty(), RequestOrigin.of("null"));
        assertEquals(Optional.empty(), RequestOrigin.of("not a url"));
    }

    @ParameterizedTest
    @CsvSource({"GET, true", "HEAD, true", "OPTIONS, true", "TRACE, true",
        "POST, false", "PUT, false", "PATCH, false", "DELETE, false", "PROPPATCH, false"})
    void aCookieServesASafeMethodFromAnywhereAndAnUnsafeOneOnlyFromATrustedOrigin(String method, boolean fromAnywhere) {
        HttpServletRequest foreign = request(method, Map.of("Origin", "https://evil.example"));
        HttpServletRequest own = request(method, Map.of("Origin", OWN, "Sec-Fetch-Site", "same-origin"));

        assertEquals(fromAnywhere, origins.mayUseCookie(foreign), method);
        assertEquals(true, origins.mayUseCookie(own), method);
    }

    @Test
    void moreAllowedOriginsAddToTheFirst() {
        RequestOrigin both = new RequestOrigin(List.of(ALLOWED)).and(List.of("https://admin.example.com"));

        assertEquals(Verdict.ALLOWED_ORIGIN, both.judge(ALLOWED, null, null, OWN));
        assertEquals(Verdict.ALLOWED_ORIGIN, both.judge("https://admin.example.com", null, null, OWN));
        assertEquals(Verdict.FOREIGN_ORIGIN, both.judge("https://evil.example", null, null, OWN));
    }

    @Test
    void theModuleWideKeyHoldsBareOriginsAndNamesEveryOtherEntry() {
        Map<String, String> valid = Map.of("authvital.host", "https://auth.example.com",
                "authvital.client-id", "my-app");
        assertEquals(List.of(), AuthVitalConfig.load(key -> Optional.ofNullable(valid.get(key))).allowedOrigins());

        Map<String, String> two = new HashMap<>(valid);
        two.put("authvital.allowed-origins", "https://app.example.com, http://127.0.0.1:9080/");
        assertEquals(List.of("https://app.example.com", "http://127.0.0.1:9080/"),
                AuthVitalConfig.load(key -> Optional.ofNullable(two.get(key))).allowedOrigins());

        Map<String, String> bad = new HashMap<>(valid);
        bad.put("authvital.allowed-origins", "https://app.example.com/login, app.example.com");
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                () -> AuthVitalConfig.load(key -> Optional.ofNullable(bad.get(key))));
        String advice = ", not an origin like https://app.example.com";
        assertEquals(List.of("'authvital.allowed-origins' has 'https://app.example.com/login'" + advice,
                "'authvital.allowed-origins' has 'app.example.com'" + advice), e.getProblems());
    }

    /** A request that answers only scheme, server name and port. */
    private static HttpServletRequest request(String scheme, String serverName, int port) {
        return fake(Map.of("getScheme", scheme, "getServerName", serverName, "getServerPort", port), Map.of());
    }

    /** A request to {@link #OWN} with this method and these headers. */
    private static HttpServletRequest request(String method, Map<String, String> headers) {
        return fake(Map.of("getMethod", method, "getScheme", "https", "getServerName", "shop.example.com",
                "getServerPort", 443, "getServletPath", "/api/x"), headers);
    }

    private static HttpServletRequest fake(Map<String, Object> answers, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestOriginTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return headers.get((String) args[0]);
                    }
                    if (method.getName().equals("getPathInfo")) {
                        return null;
                    }
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName());
                });
    }
}
