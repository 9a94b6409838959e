package com.authvital.jakarta.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a {@code redirect} parameter may be followed: only a path inside the
 * application, or a URL on an allow-listed origin. Everything else (protocol-relative
 * {@code //evil.example}, {@code /\evil.example}, {@code https:evil.example}, {@code javascript:},
 * control characters, their percent-encoded forms) is refused, so that a logout link cannot be
 * turned into an open redirect (OWASP "Unvalidated Redirects and Forwards").
 */
public final class RedirectTargets {

    private final List<String> allowedOrigins;

    /** @param allowedOrigins origins such as {@code https://app.example.com}, compared exactly */
    public RedirectTargets(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(RequestOrigin::of).flatMap(Optional::stream).toList();
    }

    /**
     * Where to send the browser for {@code target}: the application's path (prefixed with
     * {@code contextPath}) or the allow-listed URL; empty when {@code target} may not be followed.
     */
    public Optional<String> resolve(String target, String contextPath) {
        if (target == null || target.isEmpty() || target.length() > 2048 || unsafe(target)) {
            return Optional.empty();
        }
        // What a server or browser might see after one decoding must be just as safe.
        String decoded;
        try {
            decoded = PathSegments.decode(target);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (unsafe(decoded)) {
            return Optional.empty();
        }
        if (target.startsWith("/")) {
            return inApplication(target, decoded, contextPath);
        }
        return RequestOrigin.of(target).filter(allowedOrigins::contains).map(origin -> target);
    }

    private static Optional<String> inApplication(String target, String decoded, String contextPath) {
        if (target.startsWith("//") || decoded.startsWith("//")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target);
            String path = uri.normalize().getRawPath();
            if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null
                    || !path.startsWith("/") || path.startsWith("/..") || path.startsWith("//")
                    || new URI(decoded.split("[?#]", 2)[0]).normalize().getPath().startsWith("/..")) {
                return Optional.empty();
            }
            return Optional.of(contextPath + uri.normalize().toString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Backslashes, control characters and white space: browsers fold or drop them unpredictably. */
    private static boolean unsafe(String text) {
        return text.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\' || c > 0x7e);
    }
}
