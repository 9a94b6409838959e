package com.authvital.jakarta.internal.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.function.Consumer;

/**
 * The values of one cookie as the browser sent them, read from the request's {@code Cookie}
 * headers (RFC 6265 §4.2.1: {@code name=value} pairs separated by {@code "; "}) rather than from
 * {@code getCookies()}: Undertow (WildFly) keeps one cookie of a name there, so a second one, tossed
 * in by a sibling sub-domain, would go unseen; Open Liberty keeps both. Reading the header, the
 * module sees what the browser sent on every server. When no header names the cookie, the
 * request's {@code getCookies()} is read instead: a request wrapper (a framework's, a test's) may
 * give cookies that way alone.
 */
public final class CookieHeader {

    private CookieHeader() {
    }

    /** Each value of the cookie {@code name}, in the order sent, duplicates and empty ones included. */
    public static void forEach(HttpServletRequest request, String name, Consumer<String> value) {
        int seen = 0;
        Enumeration<String> headers = request.getHeaders("Cookie");
        while (headers != null && headers.hasMoreElements()) {
            String header = headers.nextElement();
            if (header != null) {
                seen += scan(header, name, value);
            }
        }
        if (seen == 0) {
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (name.equals(cookie.getName()) && cookie.getValue() != null) {
                        value.accept(cookie.getValue());
                    }
                }
            }
        }
    }

    /**
     * The pairs of one header; a pair without {@code =} names no value and is passed over.
     *
     * @return how many values of {@code name} it held
     */
    static int scan(String header, String name, Consumer<String> value) {
        int found = 0;
        int length = header.length();
        int start = 0;
        while (start < length) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            int nameStart = skipSpace(header, start, end);
            int equals = header.indexOf('=', nameStart);
            if (equals >= 0 && equals < end) {
                int nameEnd = trimEnd(header, nameStart, equals);
                if (nameEnd - nameStart == name.length() && header.startsWith(name, nameStart)) {
                    int valueStart = skipSpace(header, equals + 1, end);
                    int valueEnd = trimEnd(header, valueStart, end);
                    if (valueEnd - valueStart >= 2 && header.charAt(valueStart) == '"'
                            && header.charAt(valueEnd - 1) == '"') {
                        valueStart++; // RFC 6265 §4.1.1: a value may come in double quotes
                        valueEnd--;
                    }
                    value.accept(header.substring(valueStart, valueEnd));
                    found++;
                }
            }
            start = end + 1;
        }
        return found;
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int to) {
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
