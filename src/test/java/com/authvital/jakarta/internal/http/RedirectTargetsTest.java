package com.authvital.jakarta.internal.http;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedirectTargetsTest {

    private final RedirectTargets targets = new RedirectTargets(List.of("https://app.example.com", "http://127.0.0.1:9080"));

    @Test
    void followsAPathInsideTheApplication() {
        assertEquals(Optional.of("/demo/signed-out?x=1"), targets.resolve("/signed-out?x=1", "/demo"));
        assertEquals(Optional.of("/demo/a/c"), targets.resolve("/a/b/../c", "/demo"));
        assertEquals(Optional.of("/"), targets.resolve("/", ""));
    }

    @Test
    void followsAUrlOnAnAllowListedOrigin() {
        assertEquals(Optional.of("https://app.example.com/bye"), targets.resolve("https://app.example.com/bye", "/demo"));
        assertEquals(Optional.of("https://APP.example.com:443/"), targets.resolve("https://APP.example.com:443/", ""));
        assertEquals(Optional.of("http://127.0.0.1:9080/demo/"), targets.resolve("http://127.0.0.1:9080/demo/", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "//evil.example", "/\\evil.example", "\\\\evil.example", "https:evil.example", "https:/evil.example",
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "https://evil.example/",
        "https://app.example.com.evil.example/", "https://app.example.com@evil.example/",
        "http://app.example.com/", "https://app.example.com:8443/", "evil.example", "signed-out",
        "/%2F/evil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/\t/evil.example", "/\n/evil.example",
        "/%09/evil.example", "/%0d%0aSet-Cookie:x=1", "/../../etc", "/a/../../x", "/%2e%2e/x", " /x", "/x ",
        "/caf\u00e9", "", "%", "/%zz"})
    void refusesEverythingElse(String target) {
        assertEquals(Optional.empty(), targets.resolve(target, "/demo"), target);
    }
}
