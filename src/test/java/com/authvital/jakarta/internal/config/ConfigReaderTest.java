package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the reader checks a list of origins: every one that is not a bare origin is named, together. */
class ConfigReaderTest {

    @Test
    void aConfiguredOriginMustBeABareOrigin() {
        ConfigReader reader = new ConfigReader(key -> Optional.of(
                "https://a.example, https://b.example:8443/, https://c.example/path, c.example"));

        List<String> read = reader.origins("authvital.allowed-origins").orElseThrow();

        assertEquals(List.of("https://a.example", "https://b.example:8443/", "https://c.example/path", "c.example"),
                read);
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, reader::done);
        assertEquals(List.of(
                "'authvital.allowed-origins' has 'https://c.example/path', not an origin like https://app.example.com",
                "'authvital.allowed-origins' has 'c.example', not an origin like https://app.example.com"), e.getProblems());
    }
}
