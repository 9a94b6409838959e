package com.authvital.jakarta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.FilterSettings.Mode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilterSettingsTest {

    private static FilterSettings fromConfig(Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("authvital.host", "https://auth.example.com");
        all.put("authvital.client-id", "my-app");
        return AuthVitalConfig.load(key -> Optional.ofNullable(all.get(key))).filter();
    }

    @Test
    void protectsEverythingByDefault() {
        FilterSettings settings = fromConfig(Map.of());
        assertEquals(Mode.REQUIRED, settings.mode());
        assertFalse(settings.isPublic("/"));
        assertEquals(Optional.empty(), settings.loginUrl());
    }

    @Test
    void matchesExactPrefixAndExtensionPatterns() {
        FilterSettings settings = fromConfig(Map.of("authvital.filter.public-paths", "/health, /public/*, *.css"));

        assertTrue(settings.isPublic("/health"));
        assertFalse(settings.isPublic("/health/deep"));
        assertTrue(settings.isPublic("/public"));
        assertTrue(settings.isPublic("/public/a/b"));
        assertFalse(settings.isPublic("/publicity"));
        assertTrue(settings.isPublic("/styles/site.css"));
        assertFalse(settings.isPublic("/api/sessions"));
    }

    @Test
    void initParamsOverrideTheConfigForOneFilter() {
        FilterSettings config = fromConfig(Map.of("authvital.filter.public-paths", "/health",
                "authvital.filter.mode", "required"));

        FilterSettings filter = config.overriddenBy(Map.of("mode", "optional", "login-url", "/login")::get);

        assertEquals(Mode.OPTIONAL, filter.mode());
        assertEquals(Optional.of("/login"), filter.loginUrl());
        assertEquals(List.of("/health"), filter.publicPaths());
        assertEquals(Mode.REQUIRED, config.mode());
    }

    @Test
    void aBadInitParamIsNamed() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                () -> fromConfig(Map.of()).overriddenBy(Map.of("mode", "sometimes", "public-paths", "/a*b")::get));

        assertEquals(2, e.getProblems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'mode'"));
        assertTrue(e.getMessage().contains("'public-paths'"));
    }

    @Test
    void aBadConfigValueFailsWithTheKey() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                () -> fromConfig(Map.of("authvital.filter.login-url", "javascript:alert(1)",
                        "authvital.filter.url-patterns", "api/*")));

        assertTrue(e.getMessage().contains("'authvital.filter.login-url'"), e.getMessage());
        assertTrue(e.getMessage().contains("'authvital.filter.url-patterns'"), e.getMessage());
    }
}
