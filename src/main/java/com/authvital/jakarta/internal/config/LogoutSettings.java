package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.http.RedirectTargets;
import java.util.List;
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
 * @param idpLogout      continue to {@code {host}/api/auth/logout/redirect?post_logout_redirect_uri=..},
 *                       the IdP's browser logout
 */
public record LogoutSettings(String redirect, List<String> allowedOrigins, boolean clearSiteData, boolean idpLogout) {

    public static final String REDIRECT = "redirect";
    public static final String ALLOWED_ORIGINS = "allowed-origins";
    public static final String CLEAR_SITE_DATA = "clear-site-data";
    public static final String IDP_LOGOUT = "idp-logout";

    /** Before any setting: back to the application's root, no other origin, nothing more sent. */
    static final LogoutSettings DEFAULTS = new LogoutSettings("/", List.of(), false, false);

    /**
     * These settings with every value that {@code params} (the servlet's init-params) holds instead.
     *
     * @throws AuthVitalConfigException naming each bad init-param
     */
    public LogoutSettings overriddenBy(Function<String, String> params) {
        ConfigReader reader = new ConfigReader(name -> Optional.ofNullable(params.apply(name)));
        LogoutSettings result = with(reader, REDIRECT, ALLOWED_ORIGINS, CLEAR_SITE_DATA, IDP_LOGOUT);
        reader.done();
        return result;
    }

    /** These settings with every value that {@code r} holds under these keys instead. */
    LogoutSettings with(ConfigReader r, String redirectKey, String originsKey, String clearKey, String idpKey) {
        List<String> origins = r.origins(originsKey).orElse(allowedOrigins);
        String newRedirect = r.lookup(redirectKey).orElse(redirect);
        if (new RedirectTargets(origins).resolve(newRedirect, "").isEmpty()) {
            r.problem("'" + redirectKey + "' is neither a path in the application like / nor a URL on an allowed origin");
        }
        return new LogoutSettings(newRedirect, origins, r.flag(clearKey, clearSiteData), r.flag(idpKey, idpLogout));
    }

    /** The redirect rules of these settings. */
    public RedirectTargets targets() {
        return new RedirectTargets(allowedOrigins);
    }
}
