package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthVitalConfigTest {

    /** {@code values}, with a client id unless they set or unset (null) one. */
    private static AuthVitalConfig load(Map<String, String> values) {
        return AuthVitalConfig.load(withClientId(values));
    }

    private static Function<String, Optional<String>> withClientId(Map<String, String> values) {
        return key -> key.equals("authvital.client-id") && !values.containsKey(key) ? Optional.of("my-app")
                : Optional.ofNullable(values.get(key));
    }

    private static AuthVitalConfigException refused(Map<String, String> values) {
        return assertThrows(AuthVitalConfigException.class, () -> load(values), values.toString());
    }

    @Test
    void onlyTheHostAndTheClientIdAreRequiredAndEverythingElseHasADefault() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com/"));

        assertEquals(URI.create("https://auth.example.com"), config.idp().host());
        assertEquals(config.idp().host(), config.idp().restUrl());
        assertEquals("my-app", config.idp().clientId());
        assertEquals(List.of("my-app"), config.idp().audiences());
        assertEquals(Duration.ofSeconds(2), config.idp().connectTimeout());
        assertEquals(Duration.ofSeconds(5), config.idp().readTimeout());
        assertEquals("access_token", config.cookies().accessTokenName());
        assertEquals("refresh_token", config.cookies().refreshTokenName());
    }

    /** Without a client id no audience could be checked: any token of the IdP would pass. */
    @Test
    void aMissingClientIdFailsNamingTheKeyAndTheEnvironmentVariable() {
        Map<String, String> values = new HashMap<>();
        values.put("authvital.host", "https://auth.example.com");
        values.put("authvital.client-id", null);

        AuthVitalConfigException e = refused(values);

        assertEquals(1, e.getProblems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("AV0001E: "), e.getMessage());
        assertTrue(e.getMessage().contains("'authvital.client-id' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("AUTHVITAL_CLIENT_ID"), e.getMessage());
    }

    @Test
    void otherAcceptedAudiencesComeAfterTheClientId() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com",
                "authvital.accepted-audiences", "mobile-app, cli-app"));

        assertEquals(List.of("my-app", "mobile-app", "cli-app"), config.idp().audiences());
    }

    /** Keys fetched over plain http can be swapped by anyone on the path, so http is for loopback only. */
    @Test
    void plainHttpIsRefusedExceptToLoopback() {
        for (String key : List.of("authvital.host", "authvital/mp-rest/url")) {
            for (String remote : List.of("http://auth.example.com", "http://10.0.0.5:8080", "http://127.example.com",
                    "http://localhost.example.com")) {
                Map<String, String> values = new HashMap<>(Map.of("authvital.host", "https://auth.example.com"));
                values.put(key, remote);
                AuthVitalConfigException e = refused(values);
                assertTrue(e.getMessage().contains("'" + key + "' uses plain http"), e.getMessage());
                assertTrue(e.getMessage().contains("authvital.allow-insecure-http"), e.getMessage());
            }
        }
        for (String loopback : List.of("http://127.0.0.1:9180", "http://127.8.9.10", "http://localhost:8080",
                "http://LOCALHOST", "http://[::1]:9180")) {
            assertEquals(URI.create(loopback), load(Map.of("authvital.host", loopback)).idp().host(), loopback);
        }
    }

    @Test
    void plainHttpToAnyHostWhenAllowedExplicitly() {
        AuthVitalConfig config = load(Map.of("authvital.host", "http://idp.test-net:8080",
                "authvital.allow-insecure-http", "true"));

        assertEquals(URI.create("http://idp.test-net:8080"), config.idp().host());
        assertTrue(refused(Map.of("authvital.host", "https://auth.example.com",
                "authvital.allow-insecure-http", "yes")).getMessage().contains("'authvital.allow-insecure-http'"));
    }

    @Test
    void aRefetchIntervalUnderOneSecondIsRefused() {
        AuthVitalConfigException e = refused(Map.of("authvital.host", "https://auth.example.com",
                "authvital.jwks.min-refetch-interval", "500ms"));

        assertTrue(e.getMessage().contains("'authvital.jwks.min-refetch-interval'"), e.getMessage());
    }

    /** A list that is set but names nothing is a mistake, not "map nothing". */
    @Test
    void aPatternListThatParsesToNothingIsRefused() {
        for (String key : List.of("authvital.filter.url-patterns", "authvital.filter.public-paths",
                "authvital.logout.path")) {
            AuthVitalConfigException e = refused(Map.of("authvital.host", "https://auth.example.com", key, " , ,"));
            assertTrue(e.getMessage().contains("'" + key + "' is set but names no pattern"), e.getMessage());
        }
    }

    /** RFC 6265bis §4.1.3: browsers drop prefixed cookies whose attributes break the prefix's rules. */
    @Test
    void cookieNamePrefixesAreHeldToTheirRules() {
        for (Map<String, String> broken : List.of(
                Map.of("authvital.cookie.access-token-name", "__Host-at", "authvital.cookie.secure", "false"),
                Map.of("authvital.cookie.access-token-name", "__Host-at", "authvital.cookie.domain", "example.com"),
                Map.of("authvital.cookie.refresh-token-name", "__Host-rt", "authvital.cookie.path", "/app"),
                Map.of("authvital.cookie.refresh-token-name", "__Secure-rt", "authvital.cookie.secure", "false"))) {
            Map<String, String> values = new HashMap<>(broken);
            values.put("authvital.host", "https://auth.example.com");
            AuthVitalConfigException e = refused(values);
            String name = broken.getOrDefault("authvital.cookie.access-token-name",
                    broken.get("authvital.cookie.refresh-token-name"));
            assertTrue(e.getMessage().contains("'" + name.substring(0, name.indexOf('-') + 1) + "'"), e.getMessage());
        }
        assertEquals("__Secure-rt", load(Map.of("authvital.host", "https://auth.example.com",
                "authvital.cookie.refresh-token-name", "__Secure-rt", "authvital.cookie.path", "/app"))
                .cookies().refreshTokenName());
    }

    @Test
    void aMissingHostNamesTheKeyAndTheEnvironmentVariable() {
        AuthVitalConfigException e = refused(Map.of());

        assertEquals(1, e.getProblems().size());
        assertTrue(e.getMessage().contains("'authvital.host' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("AUTHVITAL_HOST"), e.getMessage());
    }

    @Test
    void aHostThatIsNotAnHttpBaseUrlIsRefused() {
        for (String bad : new String[] {"auth.example.com", "ftp://auth.example.com", "https://",
                "https://user:secret@auth.example.com", "https://auth.example.com/?x=1", "http://exa mple.com"}) {
            AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                    () -> load(Map.of("authvital.host", bad)), bad);
            assertTrue(e.getMessage().contains("'authvital.host' is not an http(s) base URL"), e.getMessage());
            assertTrue(!e.getMessage().contains("secret"), "the message must not repeat credentials");
        }
    }

    @Test
    void everyProblemIsReportedTogether() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> load(Map.of(
                "authvital.read-timeout", "soon",
                "authvital.connect-timeout", "0s",
                "authvital.cookie.access-token-name", "access token")));

        assertEquals(4, e.getProblems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'authvital.host'"));
        assertTrue(e.getMessage().contains("'authvital.read-timeout'"));
        assertTrue(e.getMessage().contains("'authvital.connect-timeout'"));
        assertTrue(e.getMessage().contains("'authvital.cookie.access-token-name'"));
    }

    @Test
    void timeoutsAcceptMillisecondsSecondsAndIsoDurations() {
        AuthVitalConfig config = load(Map.of("authvital.host", "http://127.0.0.1:9180",
                "authvital.connect-timeout", "750ms", "authvital.read-timeout", "PT3S"));
        assertEquals(Duration.ofMillis(750), config.idp().connectTimeout());
        assertEquals(Duration.ofSeconds(3), config.idp().readTimeout());

        AuthVitalConfig plain = load(Map.of("authvital.host", "http://127.0.0.1:9180",
                "authvital.connect-timeout", "1500", "authvital.read-timeout", "10s"));
        assertEquals(Duration.ofMillis(1500), plain.idp().connectTimeout());
        assertEquals(Duration.ofSeconds(10), plain.idp().readTimeout());
    }

    @Test
    void theRestClientsOwnKeysWin() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com",
                "authvital/mp-rest/url", "https://idp.internal:8443",
                "authvital.read-timeout", "5s", "authvital/mp-rest/readTimeout", "1200",
                "authvital/mp-rest/connectTimeout", "300"));

        assertEquals(URI.create("https://auth.example.com"), config.idp().host());
        assertEquals(URI.create("https://idp.internal:8443"), config.idp().restUrl());
        assertEquals(Duration.ofMillis(1200), config.idp().readTimeout());
        assertEquals(Duration.ofMillis(300), config.idp().connectTimeout());
    }

    @Test
    void cookieNamesAreConfigurable() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com",
                "authvital.cookie.access-token-name", "__Host-at",
                "authvital.cookie.refresh-token-name", "rt"));

        assertEquals("__Host-at", config.cookies().accessTokenName());
        assertEquals("rt", config.cookies().refreshTokenName());
    }

    @Test
    void signInDefaultsAskForTheContractsScopesAndMakeAKeyPerStart() {
        SignInSettings signIn = load(Map.of("authvital.host", "https://auth.example.com")).signIn();

        assertEquals("openid profile email offline_access", signIn.scopes());
        assertTrue(signIn.keyGenerated());
        assertEquals(32, signIn.flowKey().getEncoded().length);
        assertEquals(Duration.ofSeconds(30), signIn.refreshMargin());
        assertEquals(Duration.ofSeconds(30), signIn.refreshGrace());
        assertTrue(!signIn.enabled(), "no callback path, no sign-in");
    }

    @Test
    void aConfiguredFlowKeyIsUsedAndItAndTheSecretAreNeverShown() {
        String key = Base64.getEncoder().encodeToString(new byte[32]).replace("AAAA", "QUJD");
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com",
                "authvital.signin.path", "/login", "authvital.signin.callback-path", "/callback",
                "authvital.signin.flow-key", key, "authvital.client-secret", "s3cr3t-value"));

        assertTrue(!config.signIn().keyGenerated() && config.signIn().enabled());
        assertEquals(key, Base64.getEncoder().encodeToString(config.signIn().flowKey().getEncoded()));
        assertEquals(Optional.of("s3cr3t-value"), config.signIn().clientSecret());
        assertTrue(!config.toString().contains("s3cr3t-value") && !config.toString().contains(key), config.toString());
    }

    @Test
    void aFlowKeyOfTheWrongSizeFailsWithoutShowingIt() {
        AuthVitalConfigException e = refused(Map.of("authvital.host", "https://auth.example.com",
                "authvital.signin.flow-key", "c2hvcnQta2V5"));
        assertTrue(e.getMessage().contains("'authvital.signin.flow-key' is not 32 bytes in base64"), e.getMessage());
        assertTrue(!e.getMessage().contains("c2hvcnQta2V5"), e.getMessage());
    }

    @Test
    void aSignInPathNeedsACallbackPathAndBothArePaths() {
        AuthVitalConfigException e = refused(Map.of("authvital.host", "https://auth.example.com",
                "authvital.signin.path", "login"));
        assertTrue(e.getMessage().contains("'authvital.signin.path' is 'login', not a path"), e.getMessage());
        AuthVitalConfigException alone = refused(Map.of("authvital.host", "https://auth.example.com",
                "authvital.signin.path", "/login"));
        assertTrue(alone.getMessage().contains("'authvital.signin.callback-path'"), alone.getMessage());
    }

    @Test
    void theTokenBudgetIsTheIdpsThirtyCallsAMinuteAndThreeSignInsPerAddress() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com"));

        assertEquals(new AuthVitalConfig.Budget(30, 3), config.budget());
    }

    @Test
    void aTokenBudgetThatIsNoWholeNumberFromOneIsRefusedNamingTheKey() {
        AuthVitalConfigException e = refused(Map.of("authvital.host", "https://auth.example.com",
                "authvital.idp.token-budget", "0", "authvital.signin.exchanges-per-address", "three"));

        assertTrue(e.getMessage().contains("'authvital.idp.token-budget' is not a whole number from 1 to 100000"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'authvital.signin.exchanges-per-address' is not a whole number from 1"),
                e.getMessage());
    }

    @Test
    void theEventsReceiverWithoutTheApplicationsIdFailsNamingTheKey() {
        AuthVitalConfigException e = refused(Map.of("authvital.host", "https://auth.example.com",
                "authvital.events.path", "/authvital/events", "authvital.events.max-age", "5s"));

        assertEquals(2, e.getProblems().size(), e.getMessage());
        assertTrue(e.getProblems().get(0).contains("'authvital.application-id' is missing"), e.getMessage());
        assertTrue(e.getProblems().get(1).contains("'authvital.events.max-age'"), e.getMessage());
    }

    @Test
    void theEventsSettingsHaveDefaults() {
        EventSettings events = load(Map.of("authvital.host", "https://auth.example.com")).events();

        assertEquals(Optional.empty(), events.path());
        assertEquals(Duration.ofSeconds(300), events.maxAge());
        assertFalse(events.system());
        assertFalse(events.licensesGateAccess());
        assertTrue(events.takesTenant("any"));
    }
}
