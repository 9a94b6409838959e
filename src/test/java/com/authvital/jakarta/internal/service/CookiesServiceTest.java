package com.authvital.jakarta.internal.service;

import com.authvital.jakarta.AuthVitalCookies;
import com.authvital.jakarta.internal.http.CookieSettings;
import com.authvital.jakarta.internal.http.CookieWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code AuthVitalCookies} as the module gives it to applications: the cookie writer's attributes, no-store, no value repeated. */
class CookiesServiceTest {

    private static final CookieSettings DEFAULTS =
            new CookieSettings("access_token", "refresh_token", "/", Optional.empty(), true, "Lax");

    /** The Set-Cookie headers a response received through addHeader. */
    private final List<String> setCookies = new ArrayList<>();
    /** Its other headers, "Name: value", in order; any call but setHeader, addHeader and getHeaders fails. */
    private final List<String> otherHeaders = new ArrayList<>();
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                    setCookies.add((String) args[1]);
                    return null;
                }
                if (method.getName().equals("setHeader")) {
                    otherHeaders.removeIf(h -> h.startsWith(args[0] + ": "));
                    otherHeaders.add(args[0] + ": " + args[1]);
                    return null;
                }
                if (method.getName().equals("addHeader")) {
                    otherHeaders.add(args[0] + ": " + args[1]);
                    return null;
                }
                if (method.getName().equals("getHeaders")) {
                    return otherHeaders.stream().filter(h -> h.startsWith(args[0] + ": "))
                            .map(h -> h.substring(h.indexOf(": ") + 2)).toList();
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private static AuthVitalCookies cookies(CookieSettings settings) {
        return new CookiesService(new CookieWriter(settings));
    }

    @Test
    void clearWritesBothCookiesExpiredWithTheDefaultAttributes() {
        cookies(DEFAULTS).clear(response);

        assertEquals(List.of(
                "access_token=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly; SameSite=Lax",
                "refresh_token=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly; SameSite=Lax"),
                setCookies);
    }

    @Test
    void clearUsesTheConfiguredNamesPathDomainSecureAndSameSite() {
        cookies(new CookieSettings("av_at", "av_rt", "/app", Optional.of("example.test"), false, "Strict"))
                .clear(response);

        assertEquals(List.of(
                "av_at=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/app; Domain=example.test; HttpOnly; SameSite=Strict",
                "av_rt=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/app; Domain=example.test; HttpOnly; SameSite=Strict"),
                setCookies);
    }

    @Test
    void setTokensWritesEachCookieLivingAsLongAsItsToken() {
        cookies(DEFAULTS).setTokens(response, "aaa.bbb.ccc", Duration.ofHours(1),
                "ddd.eee.fff", Duration.ofDays(7));

        assertEquals(List.of(
                "access_token=aaa.bbb.ccc; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax",
                "refresh_token=ddd.eee.fff; Max-Age=604800; Path=/; Secure; HttpOnly; SameSite=Lax"),
                setCookies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret;Domain=evil.example", "secret value", "secret\r\nSet-Cookie:x=1", "\"secret\"",
        "secret,x", "secret\\x", "secr\u00e9t"})
    void aValueThatIsNotCookieOctetsIsRefusedWithoutRepeatingIt(String value) {
        AuthVitalCookies cookies = cookies(DEFAULTS);

        IllegalArgumentException access = assertThrows(IllegalArgumentException.class,
                () -> cookies.setTokens(response, value, Duration.ofHours(1), "ddd.eee.fff", Duration.ofDays(7)));
        IllegalArgumentException refresh = assertThrows(IllegalArgumentException.class,
                () -> cookies.setTokens(response, "aaa.bbb.ccc", Duration.ofHours(1), value, Duration.ofDays(7)));

        assertFalse(access.getMessage().contains("secret"), access.getMessage());
        assertFalse(refresh.getMessage().contains("secret"), refresh.getMessage());
        assertFalse(String.valueOf(cookies).contains("secret"));
        assertEquals(List.of(), setCookies.stream().filter(c -> c.contains("secret")).toList());
    }

    /** A shared cache must never store an answer that sets or clears token cookies. */
    @Test
    void setAndClearTellEveryCacheNotToStoreTheAnswerAndToVaryOnCookies() {
        AuthVitalCookies cookies = cookies(DEFAULTS);

        cookies.setTokens(response, "aaa.bbb.ccc", Duration.ofHours(1), "ddd.eee.fff", Duration.ofDays(7));
        assertEquals(List.of("Cache-Control: no-store", "Vary: Cookie"), otherHeaders);

        otherHeaders.clear();
        otherHeaders.add("Vary: Accept-Encoding");
        cookies.clear(response);
        assertEquals(List.of("Vary: Accept-Encoding", "Cache-Control: no-store", "Vary: Cookie"), otherHeaders);
        cookies.clear(response);
        assertEquals(List.of("Vary: Accept-Encoding", "Vary: Cookie", "Cache-Control: no-store"), otherHeaders,
                "Cookie once");
    }
}
