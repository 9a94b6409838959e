package com.authvital.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Set-Cookie} headers of an answer, read attribute by attribute as a browser reads them
 * (RFC 6265 §5.2: attribute names are case-insensitive, their order does not matter). Client side.
 */
public final class SetCookies {

    /** The names of the module's token cookies unless configured otherwise. */
    public static final List<String> TOKEN_COOKIES = List.of("access_token", "refresh_token");

    private SetCookies() {
    }

    /**
     * One {@code Set-Cookie} header.
     *
     * @param attributes by lower-case name, in the order sent; a flag such as {@code HttpOnly} maps to ""
     */
    public record SetCookie(String name, String value, Map<String, String> attributes) {
    }

    /** Every {@code Set-Cookie} header of the answer, in the order sent. */
    public static List<SetCookie> of(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SetCookies::parse).toList();
    }

    /** One header's cookie; a repeated attribute fails the test, since browsers would keep only one. */
    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        int equals = parts[0].indexOf('=');
        assertTrue(equals > 0, "no cookie name in: " + header);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            assertFalse(attributes.containsKey(name), "'" + name + "' twice in: " + header);
            attributes.put(name, value);
        }
        return new SetCookie(parts[0].substring(0, equals).strip(), parts[0].substring(equals + 1).strip(), attributes);
    }

    /** {@link #assertCleared(HttpResponse, List, String)} for the default cookie names. */
    public static void assertBothCleared(HttpResponse<?> response, String attributes) {
        assertCleared(response, TOKEN_COOKIES, attributes);
    }

    /**
     * The answer's {@code Set-Cookie} headers are exactly one per name in {@code names}, each
     * clearing its cookie: empty value, {@code Max-Age=0}, an {@code Expires} in 1970, and
     * besides those exactly {@code attributes}, e.g. {@code "Path=/; HttpOnly; SameSite=Lax"}.
     */
    public static void assertCleared(HttpResponse<?> response, List<String> names, String attributes) {
        assertCleared(response.headers().allValues("Set-Cookie"), names, attributes);
    }

    /**
     * As {@link #assertBothCleared}, after a logout that invalidated the HTTP session: the
     * container may clear its own session cookie ({@code JSESSIONID}) in the same answer, as
     * WildFly does and Open Liberty does not; that one is the container's and is left out.
     */
    public static void assertBothClearedBesidesTheSessionCookie(HttpResponse<?> response, String attributes) {
        assertCleared(response.headers().allValues("Set-Cookie").stream()
                .filter(header -> !header.startsWith("JSESSIONID=")).toList(), TOKEN_COOKIES, attributes);
    }

    private static void assertCleared(List<String> headers, List<String> names, String attributes) {
        List<SetCookie> cookies = headers.stream().map(SetCookies::parse).toList();
        assertEquals(names, cookies.stream().map(SetCookie::name).toList(), "Set-Cookie: " + headers);
        Map<String, String> expected = parse("x=" + (attributes.isEmpty() ? "" : "; " + attributes)).attributes();
        for (SetCookie cookie : cookies) {
            String what = cookie.name() + " in " + headers;
            assertEquals("", cookie.value(), what);
            assertEquals("0", cookie.attributes().get("max-age"), what);
            String expires = cookie.attributes().get("expires");
            assertNotNull(expires, "no Expires for " + what);
            try {
                assertEquals(1970, ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME).getYear(), what);
            } catch (DateTimeParseException e) {
                throw new AssertionError("Expires is not an HTTP date: " + what, e);
            }
            Map<String, String> rest = new LinkedHashMap<>(cookie.attributes());
            rest.remove("max-age");
            rest.remove("expires");
            assertEquals(expected, rest, what);
        }
    }
}
