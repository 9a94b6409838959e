package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.http.UrlPatterns;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one filter does: which paths are public, whether a user is required, where browsers go to
 * sign in. Read from MicroProfile Config ({@code authvital.filter.*}); a filter's init-params
 * ({@code public-paths}, {@code mode}, {@code login-url}) override them for that filter.
 */
public final class FilterSettings {

    /** Whether requests without a valid token are refused or let through anonymously. */
    public enum Mode { REQUIRED, OPTIONAL }

    /** Init-param names, the same words as the config keys' last part. */
    static final String PUBLIC_PATHS = "public-paths";
    static final String MODE = "mode";
    static final String LOGIN_URL = "login-url";

    private final List<String> publicPaths;
    private final Mode mode;
    private final Optional<String> loginUrl;

    FilterSettings(List<String> publicPaths, Mode mode, Optional<String> loginUrl) {
        this.publicPaths = List.copyOf(publicPaths);
        this.mode = mode;
        this.loginUrl = loginUrl;
    }

    /** Before any setting: no public path, a user required, no sign-in page. */
    static final FilterSettings DEFAULTS = new FilterSettings(List.of(), Mode.REQUIRED, Optional.empty());

    /**
     * These settings with every value that {@code params} (a filter's init-params) holds instead.
     *
     * @throws AuthVitalConfigException naming each bad init-param
     */
    public FilterSettings overriddenBy(Function<String, String> params) {
        ConfigReader reader = new ConfigReader(name -> Optional.ofNullable(params.apply(name)));
        FilterSettings result = with(reader, PUBLIC_PATHS, MODE, LOGIN_URL);
        reader.done();
        return result;
    }

    /** These settings with every value that {@code r} holds under these keys instead. */
    FilterSettings with(ConfigReader r, String pathsKey, String modeKey, String loginKey) {
        List<String> paths = r.urlPatterns(pathsKey).orElse(publicPaths);
        Optional<String> login = r.lookup(loginKey).or(() -> loginUrl);
        if (login.isPresent() && !(login.get().startsWith("/") && !login.get().startsWith("//")
                || login.get().startsWith("https://") || login.get().startsWith("http://"))) {
            r.problem("'" + loginKey + "' is neither a path like /login nor an http(s) URL");
        }
        return new FilterSettings(paths, r.choice(modeKey, Mode.class, mode), login);
    }

    /**
     * Whether {@code path}, the request's path inside the application from
     * {@link UrlPatterns#pathInApplication}, matches a public pattern, case-sensitively as the
     * container maps it (Servlet 6.0 §12.1); {@code null}, a path spelled oddly, matches none.
     */
    public boolean isPublic(String path) {
        if (path == null) {
            return false;
        }
        for (String pattern : publicPaths) {
            if (UrlPatterns.matches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    public Mode mode() {
        return mode;
    }

    public Optional<String> loginUrl() {
        return loginUrl;
    }

    List<String> publicPaths() {
        return publicPaths;
    }

    @Override
    public String toString() {
        return "FilterSettings[mode=" + mode + ", publicPaths=" + publicPaths + ", loginUrl=" + loginUrl.orElse("-") + "]";
    }
}
