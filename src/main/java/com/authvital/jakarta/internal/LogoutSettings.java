package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the logout servlet does after the session is ended: where the browser goes, which other
 * origins may post a logout or be redirected to, whether {@code Clear-Site-Data} is sent and
 * whether the browser continues to the IdP's own logout. From {@code authvital.logout.*}; the
 * servlet's init-params ({@code redirect}, {@code allowed-origins}, {@code clear-site-data},
 * {@code idp-logout}) override them for that servlet.
 *
 * @param redirect       the default post-logout location
 * @param allowedOrigins origins other than the application's own
 * @param clearSiteData  send {@code Clear-Site-Data: "cookies"}
 * @param idpLogout      continue to {@code {host}/oauth/logout?post_logout_redirect_uri=..}
 */
record LogoutSettings(String redirect, List<String> allowedOrigins, boolean clearSiteData, boolean idpLogout) {

    public static final String REDIRECT = "redirect";
    public static final String ALLOWED_ORIGINS = "allowed-origins";
    public static final String CLEAR_SITE_DATA = "clear-site-data";
    public static final String IDP_LOGOUT = "idp-logout";

    static LogoutSettings read(Function<String, Optional<String>> config, List<String> problems) {
        return new LogoutSettings("/", List.of(), false, false).with(config, AuthVitalConfig.LOGOUT_REDIRECT,
                AuthVitalConfig.LOGOUT_ALLOWED_ORIGINS, AuthVitalConfig.LOGOUT_CLEAR_SITE_DATA,
                AuthVitalConfig.LOGOUT_IDP_LOGOUT, problems);
    }

    /**
     * These settings with every value that {@code params} (the servlet's init-params) holds instead.
     *
     * @throws AuthVitalConfigException naming each bad init-param
     */
    public LogoutSettings overriddenBy(Function<String, String> params) {
        List<String> problems = new ArrayList<>();
        LogoutSettings result = with(name -> Optional.ofNullable(params.apply(name)).map(String::trim)
                .filter(v -> !v.isEmpty()), REDIRECT, ALLOWED_ORIGINS, CLEAR_SITE_DATA, IDP_LOGOUT, problems);
        if (!problems.isEmpty()) {
            throw new AuthVitalConfigException(problems);
        }
        return result;
    }

    private LogoutSettings with(Function<String, Optional<String>> source, String redirectKey, String originsKey,
                                String clearKey, String idpKey, List<String> problems) {
        Optional<String> rawOrigins = source.apply(originsKey);
        List<String> origins = rawOrigins.isPresent() ? RequestOrigin.read(originsKey, rawOrigins, problems)
                : allowedOrigins;
        String newRedirect = source.apply(redirectKey).orElse(redirect);
        if (new RedirectTargets(origins).resolve(newRedirect, "").isEmpty()) {
            problems.add("'" + redirectKey + "' is neither a path in the application like / nor a URL on an allowed origin");
        }
        return new LogoutSettings(newRedirect, origins, flag(source, clearKey, clearSiteData, problems),
                flag(source, idpKey, idpLogout, problems));
    }

    private static boolean flag(Function<String, Optional<String>> source, String key, boolean fallback,
                                List<String> problems) {
        Optional<String> raw = source.apply(key).map(v -> v.toLowerCase(Locale.ROOT));
        if (raw.isPresent() && !raw.get().equals("true") && !raw.get().equals("false")) {
            problems.add("'" + key + "' is neither true nor false");
            return fallback;
        }
        return raw.map(Boolean::parseBoolean).orElse(fallback);
    }

    /** The redirect rules of these settings. */
    RedirectTargets targets() {
        return new RedirectTargets(allowedOrigins);
    }
}
