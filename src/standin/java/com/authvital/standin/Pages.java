package com.authvital.standin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The few HTML pages the stand-in shows a browser, and the rule for where it may redirect one.
 */
final class Pages {

    private Pages() {
    }

    /**
     * Whether a browser may be sent there: loopback http URLs and same-origin paths only, so
     * the stand-in is no open redirect. {@code //host} is refused: browsers read it as a host.
     */
    static boolean isSafeRedirect(String target) {
        if (target == null) {
            return false;
        }
        if (target.startsWith("/")) {
            return !target.startsWith("//") && !target.startsWith("/\\");
        }
        return target.startsWith("http://127.0.0.1:") || target.startsWith("http://localhost:");
    }

    /**
     * The URI when it is one the stand-in treats as registered for its clients: http or https on
     * a loopback host ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}, {@code *.localhost}),
     * without user info or fragment. Empty for anything else, relative URIs included.
     */
    static Optional<URI> loopbackUri(String target) {
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost")
                    || host.endsWith(".localhost");
            boolean registered = (scheme.equals("http") || scheme.equals("https")) && loopback
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            return registered ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    static String page(String title, String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body><h1>" + escape(title) + "</h1><p>" + escape(message)
                + "</p></body></html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
