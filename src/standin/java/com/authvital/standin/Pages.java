package com.authvital.standin;

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
