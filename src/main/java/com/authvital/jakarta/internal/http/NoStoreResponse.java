package com.authvital.jakarta.internal.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The response behind the filter, which a shared cache must never store once it sets or clears a
 * token cookie: a cache may store a response with {@code Set-Cookie} unless told not to (RFC 9111
 * §3), and would hand one user's tokens to the next. From the first token {@code Set-Cookie} on,
 * whoever writes it (a refresh, {@code AuthVitalCookies} in application code, a hand-made header),
 * it says {@code Cache-Control: no-store} and {@code Vary: Cookie}, ignores every later
 * {@code Cache-Control}, {@code CDN-Cache-Control} (RFC 9213) and {@code Surrogate-Control}, and
 * keeps {@code Cookie} in any {@code Vary} it is given. A response without token cookies passes
 * untouched: the application's caching stays the application's.
 *
 * <p>Not covered: code that reaches the container's own response past this wrapper, such as an
 * {@code AsyncContext} from the no-argument {@code startAsync()}, which the Servlet specification
 * gives the unwrapped response; {@code AuthVitalCookies} has set {@code no-store} there all the same.
 */
public final class NoStoreResponse extends HttpServletResponseWrapper {

    /** The headers by which a cache could be told to store the response, in lower case. */
    private static final Set<String> CACHING = Set.of("cache-control", "cdn-cache-control", "surrogate-control");

    private final String accessTokenName;
    private final String refreshTokenName;
    private boolean locked;

    /**
     * @param written whether the token cookies were set or cleared on it already (the Jakarta
     *                Security mechanism refreshes before the filter): locked from the start. Told,
     *                not read from the headers: this runs on every request.
     */
    public NoStoreResponse(HttpServletResponse response, String accessTokenName, String refreshTokenName,
                           boolean written) {
        super(response);
        this.accessTokenName = accessTokenName;
        this.refreshTokenName = refreshTokenName;
        if (written) {
            lock();
        }
    }

    /**
     * Tells every cache not to store {@code response}: {@code Cache-Control: no-store}, and
     * {@code Cookie} added to its {@code Vary} unless there. For each answer that sets or clears a
     * token cookie, with or without the filter.
     */
    static void applyTo(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!variesOnCookie(response.getHeaders("Vary"))) {
            response.addHeader("Vary", "Cookie");
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (locked && isCaching(name)) {
            return;
        }
        if (locked && "Vary".equalsIgnoreCase(name)) {
            super.setHeader(name, value == null || value.isBlank() ? "Cookie"
                    : variesOnCookie(List.of(value)) ? value : value + ", Cookie");
            return;
        }
        super.setHeader(name, value);
        if ("Set-Cookie".equalsIgnoreCase(name) && isTokenCookie(value)) {
            lock();
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (locked && isCaching(name)) {
            return;
        }
        super.addHeader(name, value);
        if ("Set-Cookie".equalsIgnoreCase(name) && isTokenCookie(value)) {
            lock();
        }
    }

    @Override
    public void addCookie(Cookie cookie) {
        super.addCookie(cookie);
        if (accessTokenName.equals(cookie.getName()) || refreshTokenName.equals(cookie.getName())) {
            lock();
        }
    }

    /** A reset drops the headers: once locked, the answer stays one that no cache stores. */
    @Override
    public void reset() {
        super.reset();
        if (locked) {
            applyTo((HttpServletResponse) getResponse());
        }
    }

    private void lock() {
        locked = true;
        applyTo((HttpServletResponse) getResponse());
    }

    private boolean isTokenCookie(String setCookie) {
        return setCookie != null && (setCookie.startsWith(accessTokenName + "=")
                || setCookie.startsWith(refreshTokenName + "="));
    }

    private static boolean isCaching(String name) {
        return name != null && CACHING.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether these {@code Vary} values name {@code Cookie}, or {@code *}, which covers it. */
    private static boolean variesOnCookie(Collection<String> values) {
        for (String value : values) {
            for (String field : value.split(",")) {
                String name = field.strip();
                if (name.equalsIgnoreCase("Cookie") || name.equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }
}
