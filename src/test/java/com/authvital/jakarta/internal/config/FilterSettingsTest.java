package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.config.FilterSettings.Mode;
import com.authvital.jakarta.internal.http.UrlPatterns;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Parameters are dropped from every segment, whether the container left them in the servlet path or not. */
    @Test
    void pathParametersAreDroppedFromEverySegment() {
        assertEquals("/api/health", path("/ctx/api/health;jsessionid=1", "/ctx", "/api", "/health;jsessionid=1"));
        assertEquals("/api/health", path("/ctx/api/health;jsessionid=1", "/ctx", "/api", "/health"));
        assertEquals("/api/public/info", path("/ctx/api;a=1;b=2/public;v=1/info;x", "/ctx", "/api", "/public/info"));
        assertEquals("/api/health", path("/ctx;x/api/health", "/ctx", "/api", "/health"));
    }

    /** The review's example: '/api/admin;.css' is the path '/api/admin', which '*.css' does not make public. */
    @Test
    void aParameterDoesNotLendItsExtensionToTheSegment() {
        FilterSettings settings = fromConfig(Map.of("authvital.filter.public-paths", "*.css"));

        assertFalse(settings.isPublic(path("/ctx/api/admin;.css", "/ctx", "/api", "/admin;.css")));
        assertFalse(settings.isPublic(path("/ctx/api/admin;.css", "/ctx", "/api", "/admin")));
        assertTrue(settings.isPublic(path("/ctx/api/site.css;v=2", "/ctx", "/api", "/site.css")));
    }

    /** A path that the container resolved, decoded or merged from what was sent is never public, even under '/*'. */
    @Test
    void aPathSpelledOtherwiseThanSentIsNeverPublic() {
        FilterSettings settings = fromConfig(Map.of("authvital.filter.public-paths", "/*, /api/health, *.css"));

        for (String[] request : new String[][] {
                {"/ctx/api/admin/../health", "/api", "/health"},
                {"/ctx/api/admin;/../health", "/api", "/health"},
                {"/ctx/api/admin/./../health", "/api", "/health"},
                {"/ctx/api/./health", "/api", "/health"},
                {"/ctx/api/%2e%2e/health", "/api", "/health"},
                {"/ctx/api/%68ealth", "/api", "/health"},
                {"/ctx/api//health", "/api", "/health"},
                {"/ctx/api/admin//../health", "/api", "/health"},
                {"/ctx/api/caf%C3%A9.css", "/api", "/caf\u00e9.css"},
                {"/ctx/api/health", "/api", "/admin"},
                {"/other/api/health", "/api", "/health"},
                {"/ctx/x/../api/health", "/api", "/health"}}) {
            assertNull(path(request[0], "/ctx", request[1], request[2]), request[0]);
            assertFalse(settings.isPublic(path(request[0], "/ctx", request[1], request[2])), request[0]);
        }
    }

    /** Dot segments, empty segments, trailing dots, encoded characters, backslashes and controls are never public. */
    @Test
    void anOddPathIsNeverPublicEvenAsSent() {
        for (String odd : new String[] {"/api/admin/../health", "/api/./health", "/api/health/.", "/api/health/..",
                "/api/..;/health", "/api//health", "//api/health", "/api/health//", "/api/health.", "/api/site.css.",
                "/api/.", "/api/%2e%2e/health", "/api/admin%3b.css", "/api\\health", "/api/health\u0000.css",
                "/api/a b.css", "/api/caf\u00e9.css", "/api/x\u007f.css"}) {
            assertNull(path("/ctx" + odd, "/ctx", "", odd), odd);
        }
    }

    /** Plain paths come out as the container routes them: root context, trailing slash, dots inside a segment. */
    @Test
    void aPlainPathIsTheServletPathAndPathInfo() {
        assertEquals("/api/health", path("/api/health", "", "/api", "/health"));
        assertEquals("/api/public/", path("/ctx/api/public/", "/ctx", "/api", "/public/"));
        assertEquals("/styles/site.min.css", path("/ctx/styles/site.min.css", "/ctx", "/styles/site.min.css", null));
        assertEquals("/.well-known/openid-configuration", path("/ctx/.well-known/openid-configuration", "/ctx",
                "/.well-known/openid-configuration", null));
        assertEquals("/", path("/ctx/", "/ctx", "", "/"));
        assertEquals("/", path("/ctx/", "/ctx", "/", null));
    }

    /** Patterns match case-sensitively, as the container maps servlets. */
    @Test
    void matchingIsCaseSensitive() {
        FilterSettings settings = fromConfig(Map.of("authvital.filter.public-paths", "/api/health, /api/public/*, *.css"));

        assertFalse(settings.isPublic("/api/HEALTH"));
        assertFalse(settings.isPublic("/API/health"));
        assertFalse(settings.isPublic("/api/Public/info"));
        assertFalse(settings.isPublic("/api/site.CSS"));
    }

    private static String path(String requestUri, String contextPath, String servletPath, String pathInfo) {
        return UrlPatterns.pathInApplication(requestUri, contextPath, servletPath, pathInfo);
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
