package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.http.UrlPatterns;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The paths of the servlets the module maps itself (sign-in, callback, logout), and the questions
 * the filter and the store's gate ask about a request's path.
 */
final class ModulePaths {

    private final Optional<String> signIn;
    private final Optional<String> callback;
    private final Optional<String> logout;

    /** Each path in the application, as configured; empty when the module does not map it. */
    ModulePaths(Optional<String> signIn, Optional<String> callback, Optional<String> logout) {
        this.signIn = signIn;
        this.callback = callback;
        this.logout = logout;
    }

    /** The paths of {@code authvital.signin.path}, {@code .callback-path} and {@code authvital.logout.path}. */
    static ModulePaths of(AuthVitalConfig config) {
        return new ModulePaths(config.signIn().path(), config.signIn().callbackPath(), config.logoutPath());
    }

    /** Whether the request is for the logout the module maps: a logout only takes rights away, so it always goes on. */
    boolean isLogout(HttpServletRequest request) {
        return logout.isPresent() && logout.get().equals(UrlPatterns.pathInApplication(request));
    }

    /**
     * Whether {@code path} (in the application) is the sign-in's or the callback's, as configured;
     * false for null, which a path that is not plain gives (it is never public).
     */
    boolean isSignInOrCallback(String path) {
        return path != null && (path.equals(signIn.orElse(null)) || path.equals(callback.orElse(null)));
    }

    /** The module's sign-in path, when the module maps it: where a browser without a user goes by default. */
    Optional<String> signIn() {
        return signIn;
    }

    @Override
    public String toString() {
        return "ModulePaths[signIn=" + signIn.orElse("-") + ", callback=" + callback.orElse("-")
                + ", logout=" + logout.orElse("-") + "]";
    }
}
