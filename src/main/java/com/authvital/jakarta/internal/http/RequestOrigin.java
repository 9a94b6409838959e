package com.authvital.jakarta.internal.http;

import com.authvital.jakarta.internal.message.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether a request comes from the application's own origin or an allowed one: the one
 * place that reads {@code Origin}, {@code Sec-Fetch-Site} and {@code Referer}, for the logout
 * servlet, the filter and the sessions service. A browser attaches the application's cookies to a
 * request another site makes it send (a form, a fetch); these headers, which a page cannot forge,
 * say where it came from (the Fetch standard's CORS protocol, OWASP CSRF cheat sheet "Verifying
 * Origin With Standard Headers").
 *
 * <p>The rule, in order:
 * <ol>
 * <li>{@code Origin} sent: it must be the application's own or an allowed origin; {@code null}
 * (a sandboxed frame, a redirect across sites, a {@code file:} page) never is. From the own
 * origin, {@code Sec-Fetch-Site}, when sent, must also say {@code same-origin} (or {@code none}).
 * <li>No {@code Origin} but {@code Sec-Fetch-Site}: it must say {@code same-origin} or {@code none}.
 * <li>Neither, but {@code Referer}: its origin must be the own or an allowed one. A browser sends
 * {@code Origin} with every {@code POST}; this covers older ones and other unsafe methods.
 * <li>None of the three: not a browser (curl, a server), which holds no one else's cookies.
 * </ol>
 */
public final class RequestOrigin {

    private static final System.Logger LOG = System.getLogger(RequestOrigin.class.getName());

    /** What {@link #judge} found; the refusals name their reason for the log. */
    enum Verdict {
        OWN_ORIGIN(true), ALLOWED_ORIGIN(true), SAME_ORIGIN_FETCH(true), NOT_A_BROWSER(true),
        FOREIGN_ORIGIN(false), OPAQUE_ORIGIN(false), CROSS_SITE_FETCH(false), FOREIGN_REFERER(false);

        final boolean trusted;

        Verdict(boolean trusted) {
            this.trusted = trusted;
        }
    }

    private final List<String> allowedOrigins;

    /** @param allowedOrigins origins such as {@code https://app.example.com}, besides the application's own */
    public RequestOrigin(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(RequestOrigin::of).flatMap(Optional::stream)
                .distinct().toList();
    }

    /** These allowed origins and {@code more}. */
    public RequestOrigin and(List<String> more) {
        return new RequestOrigin(Stream.concat(allowedOrigins.stream(), more.stream()).toList());
    }

    /**
     * Whether a request that the access-token cookie authenticates may be served: a safe method
     * from anywhere, any other only when {@link #trusted} (a cross-site request forgery could
     * otherwise revoke sessions, or do whatever the application does with the user's authority).
     */
    public boolean mayUseCookie(HttpServletRequest request) {
        return isSafe(request.getMethod()) || trusted(request);
    }

    /**
     * Whether the request comes from the application's own origin or an allowed one, or from no
     * browser at all; a refusal is logged at FINE with its reason.
     */
    public boolean trusted(HttpServletRequest request) {
        Verdict verdict = judge(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Referer"), own(request));
        if (!verdict.trusted && LOG.isLoggable(Level.DEBUG)) {
            // Only origins: a Referer's path and query may hold anything, a token included.
            LOG.log(Level.DEBUG, Messages.crossSiteRefusedLog(request.getMethod(), UrlPatterns.pathInApplication(request),
                    verdict + " (Origin " + originOf(request.getHeader("Origin")) + ", Sec-Fetch-Site "
                    + request.getHeader("Sec-Fetch-Site") + ", Referer " + originOf(request.getHeader("Referer"))
                    + ", own origin " + own(request) + ")"));
        }
        return verdict.trusted;
    }

    /** The rule of this class's description, on the three headers' values ({@code null} when absent). */
    Verdict judge(String origin, String fetchSite, String referer, String own) {
        String site = fetchSite == null ? null : fetchSite.trim().toLowerCase(Locale.ROOT);
        boolean sameOriginFetch = site == null || site.equals("same-origin") || site.equals("none");
        if (origin != null) {
            Optional<String> from = of(origin.trim());
            if (from.isEmpty()) {
                return Verdict.OPAQUE_ORIGIN;
            }
            if (allowedOrigins.contains(from.get())) {
                return Verdict.ALLOWED_ORIGIN;
            }
            if (!from.get().equals(own)) {
                return Verdict.FOREIGN_ORIGIN;
            }
            return sameOriginFetch ? Verdict.OWN_ORIGIN : Verdict.CROSS_SITE_FETCH;
        }
        if (site != null) {
            return sameOriginFetch ? Verdict.SAME_ORIGIN_FETCH : Verdict.CROSS_SITE_FETCH;
        }
        if (referer != null) {
            Optional<String> from = of(referer.trim());
            return from.isEmpty() ? Verdict.FOREIGN_REFERER : from.get().equals(own) ? Verdict.OWN_ORIGIN
                    : allowedOrigins.contains(from.get()) ? Verdict.ALLOWED_ORIGIN : Verdict.FOREIGN_REFERER;
        }
        return Verdict.NOT_A_BROWSER;
    }

    /**
     * The application's own origin as this request reached it: {@code getScheme()},
     * {@code getServerName()} and {@code getServerPort()}. Behind a proxy these must say what the
     * browser used (docs/security.md, "Behind a TLS-terminating proxy"), or the public origin must be
     * allowed.
     */
    public static String own(HttpServletRequest request) {
        String host = request.getServerName();
        // An IPv6 literal may come without its brackets.
        if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return of(request.getScheme() + "://" + host + ":" + request.getServerPort() + "/").orElse("");
    }

    /** Whether a method is safe (RFC 9110 §9.2.1): it asks for something and changes nothing. */
    public static boolean isSafe(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }

    /**
     * {@code scheme://host[:port]} of an absolute http(s) URL without credentials, in lower case
     * and without a default port (RFC 6454 §6.2, the ASCII serialization of an origin).
     */
    public static Optional<String> of(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String originOf(String header) {
        return header == null ? "-" : of(header.trim()).orElse("(not an http(s) origin)");
    }
}
