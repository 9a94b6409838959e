package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.MutableClock;
import com.authvital.testing.StandInClient;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TokenValidator} against a real stand-in IdP: each test mints or forges one token and
 * asserts the user it yields, or the 401 and its reason, which never quotes the token. Tests that
 * change the IdP (faults, rotation, shutdown) start their own.
 */
class TokenValidatorTest {

    private static final String CLIENT_ID = "validator-test-app";

    private static StandInIdp idp;
    private static StandInClient dev;

    private final List<TokenValidator> validators = new ArrayList<>();

    @BeforeAll
    static void start() {
        idp = StandInIdp.start(0, CLIENT_ID);
        dev = StandInClient.at(idp.baseUrl());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @AfterEach
    void closeValidators() {
        validators.forEach(TokenValidator::close);
    }

    /** A validator of {@code at}'s tokens for {@value #CLIENT_ID}; {@code settings}: key, value, … (null unsets). */
    private TokenValidator validator(StandInIdp at, Clock clock, String... settings) {
        Map<String, String> config = new HashMap<>();
        config.put(ConfigKeys.HOST, at.baseUrl());
        config.put(ConfigKeys.CLIENT_ID, CLIENT_ID);
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        TokenValidator validator = new TokenValidator(AuthVitalConfig.load(key -> Optional.ofNullable(config.get(key))),
                clock);
        validators.add(validator);
        return validator;
    }

    private TokenValidator validator(String... settings) {
        return validator(idp, Clock.systemUTC(), settings);
    }

    /** An access token of a new user with these claims set (JSON object text). */
    private static String tokenWith(String claims) {
        return dev.mint("{\"claims\":" + claims + "}");
    }

    private static long nowSeconds() {
        return Instant.now().getEpochSecond();
    }

    /** The claims of a token the IdP would accept, to sign with something else. */
    private static JWTClaimsSet validClaims() throws Exception {
        return SignedJWT.parse(dev.mint("{}")).getJWTClaimsSet();
    }

    private static String sign(JWSAlgorithm alg, String kid, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** Asserts a 401 of ours (not the IdP's) naming {@code reason} and quoting no 11 characters of the token. */
    private static NotAuthenticatedException assertRefused(TokenValidator validator, String token, String reason) {
        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class, () -> validator.validate(token));
        assertEquals(401, e.getStatus());
        assertTrue(e.getIdpStatus().isEmpty(), "no call to the IdP answered this");
        assertTrue(e.getMessage().startsWith("AV1004E: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
        for (int i = 0; i + 11 <= token.length(); i++) {
            assertFalse(e.getMessage().contains(token.substring(i, i + 11)),
                    "the message quotes the token: " + e.getMessage());
        }
        return e;
    }

    @Test
    void acceptsAValidAccessTokenAndExposesItsUser() throws Exception {
        String token = dev.mint("{\"userId\":\"user-42\",\"claims\":{\"tenant_id\":\"t-1\","
                + "\"tenant_roles\":[\"admin\"],\"app_roles\":[\"editor\"]}}");

        ValidatedToken valid = validator().validate(token);

        assertEquals(token, valid.token());
        assertEquals("user-42", valid.principal().getName());
        assertEquals(Optional.of("user-user-42@example.test"), valid.principal().email());
        assertEquals(Optional.of("t-1"), valid.principal().tenantId());
        assertTrue(valid.principal().hasRole("admin") && valid.principal().hasRole("editor"));
        assertEquals(idp.baseUrl(), valid.principal().claims().get("iss"));
        long exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime();
        assertEquals(exp, valid.expiresAt());
        assertEquals(Instant.ofEpochMilli(exp), valid.principal().expiresAt());
    }

    @Test
    void refusesATokenExpiredBeyondTheClockSkew() {
        String token = tokenWith("{\"exp\":" + (nowSeconds() - 60) + "}");

        assertRefused(validator(ConfigKeys.CLOCK_SKEW, "30s"), token, "it has expired");
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkew() {
        String token = tokenWith("{\"exp\":" + (nowSeconds() - 10) + "}");

        ValidatedToken valid = validator(ConfigKeys.CLOCK_SKEW, "30s").validate(token);

        assertEquals((nowSeconds() - 10) * 1000, valid.expiresAt(), 5_000);
    }

    @Test
    void refusesATokenNotValidBeforeALaterTimeBeyondTheClockSkew() {
        String token = tokenWith("{\"nbf\":" + (nowSeconds() + 60) + "}");

        assertRefused(validator(ConfigKeys.CLOCK_SKEW, "30s"), token, "it is not valid yet");
    }

    @Test
    void acceptsATokenNotValidBeforeALaterTimeWithinTheClockSkew() {
        String token = dev.mint("{\"userId\":\"early\",\"claims\":{\"nbf\":" + (nowSeconds() + 10) + "}}");

        assertEquals("early", validator(ConfigKeys.CLOCK_SKEW, "30s").validate(token).principal().getName());
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String token = tokenWith("{\"iss\":\"https://evil.example\"}");

        assertRefused(validator(), token, "it was issued by 'https://evil.example', not by '" + idp.baseUrl() + "'");
    }

    @Test
    void acceptsTheConfiguredIssuerWhenItIsNotTheHost() {
        String token = dev.mint("{\"userId\":\"behind-proxy\",\"claims\":{\"iss\":\"https://auth.example.com\"}}");

        ValidatedToken valid = validator(ConfigKeys.ISSUER, "https://auth.example.com").validate(token);

        assertEquals("behind-proxy", valid.principal().getName());
    }

    @Test
    void refusesTheHostAsIssuerWhenAnotherIssuerIsConfigured() {
        String token = dev.mint("{}");

        assertRefused(validator(ConfigKeys.ISSUER, "https://auth.example.com"), token,
                "it was issued by '" + idp.baseUrl() + "', not by 'https://auth.example.com'");
    }

    /** localhost against 127.0.0.1: the 401 says which issuer the token carried and which one is expected. */
    @Test
    void namesTheIssuerTheTokenCarriedAndTheOneExpected() {
        String expected = idp.baseUrl();
        String carried = expected.replace("127.0.0.1", "localhost");
        assertTrue(expected.contains("127.0.0.1"), expected);
        String token = tokenWith("{\"iss\":\"" + carried + "\"}");

        NotAuthenticatedException e = assertRefused(validator(), token,
                "it was issued by '" + carried + "', not by '" + expected + "'");
        assertTrue(e.getMessage().contains("'" + ConfigKeys.ISSUER + "'"), e.getMessage());
    }

    /** An issuer is attacker input: the message quotes at most 120 of its characters and no line break. */
    @Test
    void quotesALongIssuerCutShortAndWithoutControlCharacters() {
        String token = tokenWith("{\"iss\":\"https://evil.example/\\nAV1001: forged\\u0007" + "x".repeat(400) + "\"}");

        NotAuthenticatedException e = assertRefused(validator(), token,
                "it was issued by 'https://evil.example/AV1001: forged" + "x".repeat(120 - 35) + "...'");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("\u0007"), e.getMessage());
        assertFalse(e.getMessage().contains("x".repeat(120)), e.getMessage());
    }

    /** The 401 of another audience says which audiences the token named and which ones this application accepts. */
    @Test
    void namesTheAudiencesTheTokenCarriedAndTheOnesAccepted() {
        String token = tokenWith("{\"aud\":[\"other-app\",\"third-app\"]}");

        NotAuthenticatedException e = assertRefused(validator(ConfigKeys.ACCEPTED_AUDIENCES, "mobile-app"), token,
                "its 'aud' is ['other-app', 'third-app'], none of ['" + CLIENT_ID + "', 'mobile-app']");
        assertTrue(e.getMessage().contains(ConfigKeys.ACCEPTED_AUDIENCES), e.getMessage());
    }

    /** A token without an audience is said to carry none. */
    @Test
    void saysATokenWithoutAudienceCarriesNone() {
        assertRefused(validator(), dev.mint("{\"removeClaims\":[\"aud\"]}"),
                "its 'aud' is none, none of ['" + CLIENT_ID + "']");
    }

    @Test
    void acceptsTheClientIdAsAStringAudience() throws Exception {
        String token = dev.mint("{\"userId\":\"aud-string\",\"claims\":{\"aud\":\"" + CLIENT_ID + "\"}}");
        assertTrue(SignedJWT.parse(token).getPayload().toString().contains("\"aud\":\"" + CLIENT_ID + "\""));

        assertEquals("aud-string", validator().validate(token).principal().getName());
    }

    @Test
    void acceptsAnAudienceArrayContainingTheClientId() {
        String token = dev.mint("{\"userId\":\"aud-array\",\"claims\":{\"aud\":[\"other-app\",\"" + CLIENT_ID + "\"]}}");

        assertEquals("aud-array", validator().validate(token).principal().getName());
    }

    @Test
    void refusesATokenWithoutAudienceWhenAClientIdIsSet() {
        String token = dev.mint("{\"removeClaims\":[\"aud\"]}");

        assertRefused(validator(), token, "it is not meant for this application");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String token = tokenWith("{\"aud\":[\"other-app\",\"third-app\"]}");

        assertRefused(validator(), token, "it is not meant for this application");
    }

    /** Tokens of the application's other clients, listed in authvital.accepted-audiences, pass; others do not. */
    @Test
    void acceptsTheListedAudiencesOfOtherOwnClientsAndNoOthers() {
        TokenValidator validator = validator(ConfigKeys.ACCEPTED_AUDIENCES, "mobile-app, cli-app");
        String mobile = dev.mint("{\"userId\":\"mobile\",\"claims\":{\"aud\":\"mobile-app\"}}");
        String cli = dev.mint("{\"userId\":\"cli\",\"claims\":{\"aud\":[\"x\",\"cli-app\"]}}");
        String own = dev.mint("{\"userId\":\"own\"}");

        assertEquals("mobile", validator.validate(mobile).principal().getName());
        assertEquals("cli", validator.validate(cli).principal().getName());
        assertEquals("own", validator.validate(own).principal().getName());
        assertRefused(validator, tokenWith("{\"aud\":\"other-app\"}"), "it is not meant for this application");
        assertRefused(validator, dev.mint("{\"removeClaims\":[\"aud\"]}"), "it is not meant for this application");
    }

    /** An ID token (same keys, issuer and audience, but no 'scope') is not an access token. */
    @Test
    void refusesATokenWithoutScopeAsNotAnAccessToken() {
        String idToken = dev.mint("{\"claims\":{\"nonce\":\"n-1\"},\"removeClaims\":[\"scope\"]}");

        assertRefused(validator(), idToken, "it has no 'scope': an ID token or another token that is not an access token");
    }

    /** A header is remembered only once a signature under it verified, so junk cannot fill the memory. */
    @Test
    void remembersAHeaderOnlyAfterASignatureUnderItVerified() {
        TokenValidator validator = validator();
        String genuine = dev.mint("{}");
        String[] parts = genuine.split("\\.");
        for (int i = 0; i < 40; i++) {
            String header = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"" + dev.currentKeyId()
                    + "\",\"x\":" + i + "}").toString();
            assertRefused(validator, header + "." + parts[1] + "." + parts[2], "its signature does not verify");
        }
        assertEquals(0, validator.rememberedHeaders(), "no header of a refused token is kept");

        validator.validate(genuine);

        assertEquals(1, validator.rememberedHeaders());
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() {
        String signed = dev.mint("{}");
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + dev.currentKeyId() + "\"}").toString();
        String token = header + "." + signed.split("\\.")[1] + ".";

        assertRefused(validator(), token, "it is not a signed JWT");
    }

    @Test
    void refusesHs256SignedWithThePublicKeyAsHmacSecret() throws Exception {
        String kid = dev.currentKeyId();
        byte[] publicKey = ((RSAKey) JWKSet.parse(dev.jwks()).getKeyByKeyId(kid)).toRSAPublicKey().getEncoded();
        String token = sign(JWSAlgorithm.HS256, kid, validClaims(), new MACSigner(publicKey));

        assertRefused(validator(), token, "it is not signed with RS256");
    }

    @Test
    void refusesRs256FromAnotherKeyUnderAPublishedKid() throws Exception {
        JWSSigner stranger = new RSASSASigner(new RSAKeyGenerator(2048).generate());
        String token = sign(JWSAlgorithm.RS256, dev.currentKeyId(), validClaims(), stranger);

        assertRefused(validator(), token, "its signature does not verify");
    }

    @Test
    void refusesAnUnknownKid() {
        String token = dev.mint("{\"kid\":\"no-such-key\"}");

        assertRefused(validator(), token, "it is signed with a key the IdP does not publish");
    }

    @Test
    void refusesATokenWhoseHeaderNamesACriticalExtension() {
        String token = dev.mint("{\"critical\":\"urn:example:must-understand\"}");

        assertRefused(validator(), token, "its header requires extensions this module does not implement ('crit')");
    }

    @Test
    void refusesARefreshToken() {
        String token = dev.mint("{\"type\":\"refresh\"}");

        assertRefused(validator(), token, "it is a refresh token, not an access token");
    }

    @Test
    void refusesATokenWithoutSubject() {
        String token = dev.mint("{\"removeClaims\":[\"sub\"]}");

        assertRefused(validator(), token, "it names no user ('sub')");
    }

    @Test
    void refusesATokenOfTwoParts() {
        String[] parts = dev.mint("{}").split("\\.");

        assertRefused(validator(), parts[0] + "." + parts[1], "it is not a signed JWT");
    }

    @Test
    void refusesATokenOfFourParts() {
        String token = dev.mint("{}");

        assertRefused(validator(), token + "." + token.split("\\.")[2], "it is not a signed JWT");
    }

    @Test
    void refusesAPayloadThatIsNotBase64Url() {
        String[] parts = dev.mint("{}").split("\\.");

        assertRefused(validator(), parts[0] + ".%%not*base64url%%." + parts[2], "it is not a signed JWT");
    }

    @Test
    void refusesAPayloadThatIsNotJson() {
        String[] parts = dev.mint("{}").split("\\.");
        String token = parts[0] + "." + Base64URL.encode("this is no JSON object") + "." + parts[2];

        assertRefused(validator(), token, "it is not a signed JWT");
    }

    @Test
    void readsClaimsNestedSixteenLevelsDeepAndRefusesSeventeen() {
        // the claims object is the first level, each array one more
        String sixteen = tokenWith("{\"deep\":" + "[".repeat(15) + "]".repeat(15) + "}");
        String seventeen = tokenWith("{\"deep\":" + "[".repeat(16) + "]".repeat(16) + "}");

        assertEquals(List.of(), unwrap(validator().validate(sixteen).principal().claims().get("deep"), 14));
        assertRefused(validator(), seventeen, "it is not a signed JWT");
    }

    private static Object unwrap(Object nested, int levels) {
        Object inner = nested;
        for (int i = 0; i < levels; i++) {
            inner = ((List<?>) inner).get(0);
        }
        return inner;
    }

    @Test
    void refusesClaimsWithNumbersADoubleCannotHold() {
        String[] parts = dev.mint("{}").split("\\.");
        for (String number : List.of("1e9999999999", "9".repeat(2000), "1e400")) {
            String claims = Base64URL.encode("{\"sub\":\"u\",\"n\":" + number + "}").toString();

            assertRefused(validator(), parts[0] + "." + claims + "." + parts[2], "it is not a signed JWT");
        }
    }

    @Test
    void refusesClaimsThatNameAMemberTwiceBeforeCheckingTheSignature() {
        String[] parts = dev.mint("{}").split("\\.");
        for (String claims : List.of("{\"sub\":\"ada\",\"sub\":\"admin\"}", "{\"sub\":\"ada\",\"x\":{\"a\":null,\"a\":1}}",
                "{\"sub\":\"ada\",\"email\":null,\"email\":\"root@example.com\"}",
                "{\"sub\":\"ada\",\"x\":[{\"b\":{}},{\"a\":\"1:\\\"\",\"a\":2}]}")) {
            String token = parts[0] + "." + Base64URL.encode(claims) + "." + parts[2];

            // without the check these would be refused later, for their signature
            assertRefused(validator(), token, "it is not a signed JWT");
        }
    }

    /** Colons and escaped quotes inside strings are no member names: nested objects still read. */
    @Test
    void readsNestedObjectsWhoseStringsHoldColonsAndQuotes() {
        String token = tokenWith("{\"note\":{\"k\":\"a:\\\"b\\\\\\\":c\",\"m:n\":[{\"x\":null}]}}");

        Map<String, Object> claims = validator().validate(token).principal().claims();

        assertEquals(Map.of("k", "a:\"b\\\":c", "m:n", List.of(Map.of())), claims.get("note"));
    }

    @Test
    void refusesATokenWithACharacterOutsideAsciiInAnyPart() {
        String token = dev.mint("{}");
        int inHeader = 10;
        int inPayload = token.indexOf('.') + 10;
        int inSignature = token.length() - 10;

        for (String character : List.of("\u00e9", "\ud83d\ude00")) { // one char; a surrogate pair, two
            for (int at : new int[] {inHeader, inPayload, inSignature}) {
                // added, not replacing: a decoder that skips what is not base64url would read the token
                String withCharacter = token.substring(0, at) + character + token.substring(at);

                assertRefused(validator(), withCharacter, "it is not a signed JWT");
            }
        }
    }

    /**
     * Surrogate pairs, each one byte where it is two chars, used to shift where the validator
     * looks for the parts: past the payload onto a third part that names another user, or past
     * the end of the token.
     */
    @Test
    void refusesSurrogatePairsThatWouldShiftThePartsBoundaries() {
        String token = dev.mint("{}");
        String header = token.substring(0, token.indexOf('.'));
        String admin = Base64URL.encode("{\"sub\":\"admin\"}").toString();
        String shifted = header + "\ud83d\ude00".repeat(admin.length() + 1) + "." + "*".repeat(admin.length())
                + "." + admin + "AAAAA";

        // and a payload of surrogate pairs alone, whose end as chars lies beyond the token's bytes
        String pastTheEnd = header + "." + "\ud83d\ude00".repeat(3) + ".A";

        assertRefused(validator(), shifted, "it is not a signed JWT");
        assertRefused(validator(), pastTheEnd, "it is not a signed JWT");
    }

    @Test
    void refusesANotBeforeTooFarAheadForMilliseconds() {
        String token = tokenWith("{\"nbf\":1e300}");

        assertRefused(validator(), token, "it is not valid yet");
    }

    @Test
    void refusesAnotherSpellingOfTheSameSignature() {
        String token = dev.mint("{}");
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
        // 256 bytes take 342 characters; the last one carries 2 bits and 4 unused ones, zero
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = signature.charAt(signature.length() - 1);
        char sameBits = alphabet.charAt(alphabet.indexOf(last) | 1);
        String lowBitSet = unsigned + signature.substring(0, signature.length() - 1) + sameBits;
        String padded = unsigned + signature + "==";

        assertEquals(idp.baseUrl(), validator().validate(token).principal().claims().get("iss"));
        assertRefused(validator(), lowBitSet, "it is not a signed JWT");
        assertRefused(validator(), padded, "it is not a signed JWT");
    }

    @Test
    void keepsTheMagnitudeOfAnIntegerClaimTooLargeForALong() {
        String token = tokenWith("{\"big\":123456789012345678901234,\"small\":1764252000}");

        Map<String, Object> claims = validator().validate(token).principal().claims();

        assertEquals(1.2345678901234568E23, claims.get("big"));
        assertEquals(1764252000L, claims.get("small"));
    }

    @Test
    void refusesTheEmptyString() {
        assertRefused(validator(), "", "it is not a signed JWT");
    }

    @Test
    void refusesATokenLongerThan8KiBEvenWhenSignedByTheIdp() {
        String token = tokenWith("{\"padding\":\"" + "x".repeat(TokenValidator.MAX_TOKEN_LENGTH) + "\"}");

        assertRefused(validator(), token, "it is longer than 8192 characters");
    }

    @Test
    void servesAValidatedTokenFromTheCacheWithoutTheIdp() {
        String token;
        TokenValidator validator;
        ValidatedToken first;
        try (StandInIdp own = StandInIdp.start(0, CLIENT_ID)) {
            StandInClient ownDev = StandInClient.at(own.baseUrl());
            token = ownDev.mint("{}");
            validator = validator(own, Clock.systemUTC());
            first = validator.validate(token);
            ownDev.resetStats();

            assertSame(first, validator.validate(token), "not verified again");
            assertEquals(0, ownDev.jwksFetches());
        }
        assertSame(first, validator.validate(token), "no call to the IdP, which is gone");
    }

    @Test
    void doesNotServeACachedTokenPastItsExpiry() {
        MutableClock clock = new MutableClock(Instant.now());
        TokenValidator validator = validator(idp, clock, ConfigKeys.CLOCK_SKEW, "0s");
        String token = tokenWith("{\"exp\":" + (clock.instant().getEpochSecond() + 60) + "}");
        ValidatedToken first = validator.validate(token);
        assertSame(first, validator.validate(token), "cached while valid");

        clock.advance(Duration.ofSeconds(61));

        assertRefused(validator, token, "it has expired");
    }

    @Test
    void doesNotCacheARefusal() throws InterruptedException {
        try (StandInIdp own = StandInIdp.start(0, CLIENT_ID)) {
            StandInClient ownDev = StandInClient.at(own.baseUrl());
            TokenValidator validator = validator(own, Clock.systemUTC(), ConfigKeys.JWKS_REFETCH_INTERVAL, "1s");
            String keysBeforeRotation = ownDev.jwks();
            ownDev.rotateKeys();
            String token = ownDev.mint("{\"userId\":\"after-rotation\"}");
            // A cache in front of the IdP still serves the JWKS from before the rotation.
            ownDev.jwksFault(Json.createObjectBuilder().add("status", 200)
                    .add("contentType", "application/json").add("body", keysBeforeRotation).build());
            assertRefused(validator, token, "it is signed with a key the IdP does not publish");

            ownDev.clearJwksFault();
            Thread.sleep(1_000); // the least time between two fetches for an unknown kid

            assertEquals("after-rotation", validator.validate(token).principal().getName());
        }
    }

    /**
     * A token served from the cache stops being accepted within the refresh interval once the
     * IdP retires its key, even when every request is a cache hit.
     */
    @Test
    void aCachedTokenIsRefusedOnceTheIdpRetiredItsKeyAndTheKeysWereRefreshed() throws Exception {
        try (StandInIdp own = StandInIdp.start(0, CLIENT_ID)) {
            StandInClient ownDev = StandInClient.at(own.baseUrl());
            TokenValidator validator = validator(own, Clock.systemUTC(), ConfigKeys.JWKS_REFRESH_INTERVAL, "1s");
            String oldKid = ownDev.currentKeyId();
            String token = ownDev.mint("{}");
            ValidatedToken first = validator.validate(token);
            ownDev.rotateKeys();
            ownDev.retireKey(oldKid);

            Thread.sleep(1_200); // the keys are now older than the refresh interval
            assertSame(first, validator.validate(token), "a cache hit; it starts the refresh");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!refused(validator, token)) {
                assertTrue(System.nanoTime() < deadline, "still accepted 5 s after the refresh was due");
                Thread.sleep(20);
            }
            assertRefused(validator, token, "it is signed with a key the IdP does not publish");
        }
    }

    private static boolean refused(TokenValidator validator, String token) {
        try {
            validator.validate(token);
            return false;
        } catch (NotAuthenticatedException e) {
            return true;
        }
    }

    /** What the validations of requests tell the telemetry: source, outcome, the refusal's id, nothing of the token. */
    @Test
    void aRequestsValidationIsCountedByItsSourceAndOutcomeAndARefusalByItsId() {
        List<String> counted = new ArrayList<>();
        Telemetry recording = new Telemetry() {
            @Override
            public void validation(Source source, Outcome outcome, String messageId) {
                counted.add(source.value + " " + outcome.value + " " + messageId);
            }
        };
        Map<String, String> config = Map.of(ConfigKeys.HOST, idp.baseUrl(), ConfigKeys.CLIENT_ID, CLIENT_ID);
        TokenValidator validator = new TokenValidator(AuthVitalConfig.load(key -> Optional.ofNullable(config.get(key))),
                Clock.systemUTC(), RevocationList.NONE, recording);
        validators.add(validator);
        String token = dev.mint("{}");

        validator.validate(token, false);
        validator.validate(token, true);
        assertThrows(NotAuthenticatedException.class, () -> validator.validate("not.a.token", false));
        validator.validate(token); // not a request's own: the service's second look, not counted

        assertEquals(List.of("header accepted null", "cache accepted null", "header refused AV1004"), counted);
    }
}
