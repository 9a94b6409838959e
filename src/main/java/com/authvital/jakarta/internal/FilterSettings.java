package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one filter does: which paths are public, whether a user is required, where browsers go to
 * sign in. Read from MicroProfile Config ({@code authvital.filter.*}); a filter's init-params
 * ({@code public-paths}, {@code mode}, {@code login-url}) override them for that filter.
 */
final class FilterSettings {

    /** Whether requests without a valid token are refused or let through anonymously. */
    public enum Mode { REQUIRED, OPTIONAL }

    /** Init-param names, the same words as the config keys' last part. */
    public static final String PUBLIC_PATHS = "public-paths";
    public static final String MODE = "mode";
    public static final String LOGIN_URL = "login-url";

    private final List<String> publicPaths;
    private final Mode mode;
    private final Optional<String> loginUrl;

    FilterSettings(List<String> publicPaths, Mode mode, Optional<String> loginUrl) {
        this.publicPaths = List.copyOf(publicPaths);
        this.mode = mode;
        this.loginUrl = loginUrl;
    }

    /** The settings under {@code authvital.filter.*}; problems are added to {@code problems}. */
    static FilterSettings read(Function<String, Optional<String>> config, List<String> problems) {
        return new FilterSettings(List.of(), Mode.REQUIRED, Optional.empty())
                .with(config, AuthVitalConfig.FILTER_PUBLIC_PATHS, AuthVitalConfig.FILTER_MODE,
                        AuthVitalConfig.FILTER_LOGIN_URL, problems);
    }

    /**
     * These settings with every value that {@code params} (a filter's init-params) holds instead.
     *
     * @throws AuthVitalConfigException naming each bad init-param
     */
    public FilterSettings overriddenBy(Function<String, String> params) {
        List<String> problems = new ArrayList<>();
        FilterSettings result = with(name -> Optional.ofNullable(params.apply(name)).map(String::trim)
                .filter(v -> !v.isEmpty()), PUBLIC_PATHS, MODE, LOGIN_URL, problems);
        if (!problems.isEmpty()) {
            throw new AuthVitalConfigException(problems);
        }
        return result;
    }

    private FilterSettings with(Function<String, Optional<String>> source, String pathsKey, String modeKey,
                                String loginKey, List<String> problems) {
        List<String> paths = source.apply(pathsKey).map(UrlPatterns::split).orElse(publicPaths);
        if (paths.isEmpty() && source.apply(pathsKey).isPresent()) {
            problems.add("'" + pathsKey + "' is set but names no pattern: list them separated by commas, "
                    + "like /health, /public/*, or leave it unset");
        }
        for (String path : paths) {
            if (!UrlPatterns.isUrlPattern(path)) {
                problems.add("'" + pathsKey + "' has '" + path + "', not a servlet URL pattern: use /exact, "
                        + "/prefix/* or *.extension");
            }
        }
        Mode newMode = mode;
        Optional<String> rawMode = source.apply(modeKey);
        if (rawMode.isPresent()) {
            try {
                newMode = Mode.valueOf(rawMode.get().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("'" + modeKey + "' is neither 'required' nor 'optional'");
            }
        }
        Optional<String> login = source.apply(loginKey).or(() -> loginUrl);
        if (login.isPresent() && !(login.get().startsWith("/") && !login.get().startsWith("//")
                || login.get().startsWith("https://") || login.get().startsWith("http://"))) {
            problems.add("'" + loginKey + "' is neither a path like /login nor an http(s) URL");
        }
        return new FilterSettings(paths, newMode, login);
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

    public List<String> publicPaths() {
        return publicPaths;
    }

    @Override
    public String toString() {
        return "FilterSettings[mode=" + mode + ", publicPaths=" + publicPaths + ", loginUrl=" + loginUrl.orElse("-") + "]";
    }
}
