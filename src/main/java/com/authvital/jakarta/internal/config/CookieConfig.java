package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.internal.http.CookieSettings;
import com.authvital.jakarta.internal.message.ConfigKeys;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads and checks {@code authvital.cookie.*}: names and attributes a browser will accept. */
final class CookieConfig {

    private CookieConfig() {
    }

    static CookieSettings read(ConfigReader r) {
        String accessName = r.cookieName(ConfigKeys.ACCESS_TOKEN_COOKIE, "access_token");
        String refreshName = r.cookieName(ConfigKeys.REFRESH_TOKEN_COOKIE, "refresh_token");
        String path = r.lookup(ConfigKeys.COOKIE_PATH).orElse("/");
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x21 || c == ';' || c == 0x7f)) {
            r.problem("'" + ConfigKeys.COOKIE_PATH + "' is not a path like / or /app");
        }
        Optional<String> domain = r.lookup(ConfigKeys.COOKIE_DOMAIN);
        if (domain.isPresent() && !domain.get().matches("\\.?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            r.problem("'" + ConfigKeys.COOKIE_DOMAIN + "' is not a domain like example.com");
        }
        boolean secure = r.flag(ConfigKeys.COOKIE_SECURE, true);
        String sameSite = r.lookup(ConfigKeys.COOKIE_SAME_SITE).orElse("Lax");
        sameSite = sameSite.substring(0, 1).toUpperCase(Locale.ROOT) + sameSite.substring(1).toLowerCase(Locale.ROOT);
        if (!List.of("Strict", "Lax", "None").contains(sameSite)) {
            r.problem("'" + ConfigKeys.COOKIE_SAME_SITE + "' is none of Strict, Lax, None");
        } else if (sameSite.equals("None") && !secure) {
            // Chrome refuses a SameSite=None cookie without Secure: it would never be stored.
            r.problem("'" + ConfigKeys.COOKIE_SAME_SITE + "' is None, which browsers accept only with '"
                    + ConfigKeys.COOKIE_SECURE + "=true'");
        }
        for (String name : List.of(accessName, refreshName)) {
            // RFC 6265bis §4.1.3: a browser drops a prefixed cookie whose attributes break the prefix's rule.
            if (name.regionMatches(true, 0, "__Host-", 0, 7) && (!secure || domain.isPresent() || !path.equals("/"))) {
                r.problem("the cookie name '" + name + "' starts with '__Host-', which browsers accept only with '"
                        + ConfigKeys.COOKIE_SECURE + "=true', no '" + ConfigKeys.COOKIE_DOMAIN + "' and '"
                        + ConfigKeys.COOKIE_PATH + "=/'");
            } else if (name.regionMatches(true, 0, "__Secure-", 0, 9) && !secure) {
                r.problem("the cookie name '" + name + "' starts with '__Secure-', which browsers accept only "
                        + "with '" + ConfigKeys.COOKIE_SECURE + "=true'");
            }
        }
        return new CookieSettings(accessName, refreshName, path, domain, secure, sameSite);
    }
}
