package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.internal.http.UrlPatterns;
import com.authvital.jakarta.internal.message.ConfigKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * How users sign in and stay signed in: where the module maps its sign-in and callback, what it
 * asks the IdP for, the key of the sign-in's flow cookie, the client secret, and when and how
 * tokens are refreshed. From {@code authvital.signin.*}, {@code authvital.client-secret} and
 * {@code authvital.refresh.*}. Never shows the key or the secret.
 *
 * @param path          where the module maps the sign-in servlet itself; empty when the application does
 * @param callbackPath  where the IdP sends the browser back, relative to the application; the module
 *                      maps the callback servlet there itself when set
 * @param scopes        the scopes asked for, space-separated
 * @param redirect      where a browser goes after signing in when it asked for nowhere allowed
 * @param flowKey       the AES-256 key of the flow cookie
 * @param keyGenerated  whether the key was made at this start, none being configured
 * @param clientSecret  the client's secret, for confidential clients
 * @param refreshMargin how long before its expiry an access token is refreshed
 * @param refreshGrace  how long the tokens of a refresh are handed out again for the old refresh token
 * @param reportReuse   whether a spent refresh token presented after the grace is presented once to the IdP too
 */
public record SignInSettings(Optional<String> path, Optional<String> callbackPath, String scopes, String redirect,
                      SecretKey flowKey, boolean keyGenerated, Optional<String> clientSecret,
                      Duration refreshMargin, Duration refreshGrace, boolean reportReuse) {

    static final String DEFAULT_SCOPES = "openid profile email offline_access";
    private static final int KEY_BYTES = 32;

    /** Reads the settings; a bad value is a problem of {@code r}. */
    static SignInSettings read(ConfigReader r) {
        Optional<String> path = path(r, ConfigKeys.SIGNIN_PATH);
        Optional<String> callback = path(r, ConfigKeys.SIGNIN_CALLBACK_PATH);
        if (path.isPresent() && callback.isEmpty()) {
            r.problem("'" + ConfigKeys.SIGNIN_PATH + "' is set but '" + ConfigKeys.SIGNIN_CALLBACK_PATH
                    + "' is not: set it to the path the IdP sends the browser back to, e.g. /callback");
        }
        String scopes = String.join(" ", r.list(ConfigKeys.SIGNIN_SCOPES));
        if (scopes.isEmpty()) {
            scopes = DEFAULT_SCOPES;
        }
        Optional<byte[]> configured = r.aesKey(ConfigKeys.SIGNIN_FLOW_KEY);
        byte[] key = configured.orElseGet(() -> {
            byte[] generated = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(generated);
            return generated;
        });
        Duration margin = r.duration(ConfigKeys.REFRESH_MARGIN, Duration.ofSeconds(30), Duration.ZERO,
                Duration.ofMinutes(30));
        // At least 5 s: a request that overlaps a refresh must find its result, not a spent token.
        Duration grace = r.duration(ConfigKeys.REFRESH_GRACE, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofMinutes(10));
        return new SignInSettings(path, callback, scopes, r.lookup(ConfigKeys.SIGNIN_REDIRECT).orElse("/"),
                new SecretKeySpec(key, "AES"), configured.isEmpty(), r.lookup(ConfigKeys.CLIENT_SECRET),
                margin, grace, r.flag(ConfigKeys.REFRESH_REUSE_NOTIFY_IDP, false));
    }

    /** Whether the application signs users in through the module. */
    public boolean enabled() {
        return callbackPath.isPresent();
    }

    private static Optional<String> path(ConfigReader r, String key) {
        Optional<String> value = r.lookup(key);
        if (value.isPresent() && (!value.get().startsWith("/") || !UrlPatterns.isUrlPattern(value.get())
                || value.get().contains("*"))) {
            r.problem("'" + key + "' is '" + value.get() + "', not a path of the application: use /login, /auth/callback");
            return Optional.empty();
        }
        return value;
    }

    /** Never the key nor the secret. */
    @Override
    public String toString() {
        return "SignInSettings[path=" + path.orElse("-") + ", callbackPath=" + callbackPath.orElse("-") + ", scopes="
                + scopes + ", redirect=" + redirect + ", flowKey=" + (keyGenerated ? "generated" : "configured")
                + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "-") + ", refreshMargin=" + refreshMargin
                + ", refreshGrace=" + refreshGrace + ", reportReuse=" + reportReuse + "]";
    }
}
