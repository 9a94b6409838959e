package com.authvital.bench;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.ValidatedToken;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of {@code TokenValidator.validate} goes, one step at a time, and two prototypes
 * of a faster validator ({@link LeanCheck}, {@link TailHashedKey}). Not part of the targets:
 * {@link JmhRunner} runs it with {@code --breakdown} and prints each step beside the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenValidationBreakdown {

    /** The token already parsed, nimbus verifiers for its key, and the two prototypes. */
    @State(Scope.Thread)
    public static class Parsed {
        SignedJWT jwt;
        JWTClaimsSet claims;
        String headerPart;
        String payloadJson;
        RSASSAVerifier verifier;
        RSASSAVerifier pinnedVerifier;
        Provider provider;
        LeanCheck lean;
        Map<TailHashedKey, ValidatedToken> tailHashed = new ConcurrentHashMap<>();

        @Setup(Level.Trial)
        public void setUp(TokenFixture fixture) throws Exception {
            jwt = SignedJWT.parse(fixture.token);
            claims = jwt.getJWTClaimsSet();
            headerPart = fixture.token.substring(0, fixture.token.indexOf('.'));
            payloadJson = jwt.getPayload().toString();
            verifier = new RSASSAVerifier(fixture.publicKey);
            // The provider the JDK picks for SHA256withRSA, found once instead of on every call.
            Signature probe = Signature.getInstance("SHA256withRSA");
            probe.initVerify(fixture.publicKey);
            provider = probe.getProvider();
            pinnedVerifier = new RSASSAVerifier(fixture.publicKey);
            pinnedVerifier.getJCAContext().setProvider(provider);
            lean = new LeanCheck(fixture.publicKey, jwt.getHeader().getKeyID(), fixture.idp.baseUrl(),
                    TokenFixture.CLIENT_ID);
            ValidatedToken valid = lean.check(fixture.token, System.currentTimeMillis());
            if (valid == null || !valid.principal().getName().equals(fixture.subject)) {
                throw new IllegalStateException("the prototype refuses the token");
            }
            tailHashed.put(new TailHashedKey(fixture.token), valid);
        }
    }

    /** Making the request's token string, which (b) and (c) both include. */
    @Benchmark
    public String tokenCopy(TokenFixture fixture, CpuTime cpu) {
        return fixture.requestToken();
    }

    /** (c) with the stored instance itself: its hash is cached and equality is identity. */
    @Benchmark
    public ValidatedToken cachedSameInstance(TokenFixture fixture, CpuTime cpu) {
        return fixture.cached.validate(fixture.token);
    }

    /** Prototype of (c): the same lookup keyed by {@link TailHashedKey}, with the expiry check. */
    @Benchmark
    public ValidatedToken cachedTailHashed(TokenFixture fixture, Parsed parsed, CpuTime cpu) {
        ValidatedToken known = parsed.tailHashed.get(new TailHashedKey(fixture.requestToken()));
        return known != null && System.currentTimeMillis() < known.expiresAt() ? known : null;
    }

    /** The floor with a new {@link Signature} per call: {@code getInstance} and {@code initVerify}. */
    @Benchmark
    public boolean signaturePerCall(TokenFixture fixture, CpuTime cpu) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(fixture.publicKey);
        verifier.update(fixture.signingInput);
        return verifier.verify(Base64.getUrlDecoder().decode(fixture.signaturePart));
    }

    /** The same with the provider named: {@code getInstance(alg, provider)} skips the provider search. */
    @Benchmark
    public boolean signaturePerCallPinned(TokenFixture fixture, Parsed parsed, CpuTime cpu)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA", parsed.provider);
        verifier.initVerify(fixture.publicKey);
        verifier.update(fixture.signingInput);
        return verifier.verify(Base64.getUrlDecoder().decode(fixture.signaturePart));
    }

    /** nimbus: {@code SignedJWT.parse} and {@code getJWTClaimsSet}, no verification. */
    @Benchmark
    public JWTClaimsSet nimbusParse(TokenFixture fixture, CpuTime cpu) throws ParseException {
        return SignedJWT.parse(fixture.requestToken()).getJWTClaimsSet();
    }

    /** nimbus: the JOSE header alone, base64url and JSON. */
    @Benchmark
    public JWSHeader nimbusHeader(Parsed parsed, CpuTime cpu) throws ParseException {
        return JWSHeader.parse(new Base64URL(parsed.headerPart));
    }

    /** nimbus: the claims alone, from their decoded JSON. */
    @Benchmark
    public JWTClaimsSet nimbusClaims(Parsed parsed, CpuTime cpu) throws ParseException {
        return JWTClaimsSet.parse(parsed.payloadJson);
    }

    /** nimbus: {@code SignedJWT.verify} of a parsed token with {@code RSASSAVerifier} as built today. */
    @Benchmark
    public boolean nimbusVerify(Parsed parsed, CpuTime cpu) throws JOSEException {
        return parsed.jwt.verify(parsed.verifier);
    }

    /** nimbus: the same with the verifier's JCA provider set once. */
    @Benchmark
    public boolean nimbusVerifyPinned(Parsed parsed, CpuTime cpu) throws JOSEException {
        return parsed.jwt.verify(parsed.pinnedVerifier);
    }

    /** The principal the validator builds from the claims: {@code toJSONObject} and a frozen copy. */
    @Benchmark
    public AuthVitalPrincipal principal(Parsed parsed, CpuTime cpu) {
        return new AuthVitalPrincipal(parsed.claims.toJSONObject());
    }

    /** Prototype of (b): {@link LeanCheck}, parse, verify and claim checks with nimbus. */
    @Benchmark
    public ValidatedToken uncachedLean(TokenFixture fixture, Parsed parsed, CpuTime cpu)
            throws JOSEException, ParseException {
        return parsed.lean.check(fixture.requestToken(), System.currentTimeMillis());
    }
}
