package com.authvital.bench;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.token.TokenExtractor;
import com.authvital.jakarta.internal.token.ValidatedToken;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Proxy;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.text.ParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
 * Where the time of {@code TokenValidator.validate} goes, one step at a time, beside what nimbus's
 * general path costs for the same steps (the reasons the validator splits the token itself and
 * keeps its JCA verifiers); and the filter's own work on a request with a known token, which the
 * load test measures from outside. Not part of the targets:
 * {@link JmhRunner} runs it with {@code --breakdown} and prints each step beside the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenValidationBreakdown {

    /** The token already parsed by nimbus, and nimbus verifiers for its key. */
    @State(Scope.Thread)
    public static class Parsed {
        SignedJWT jwt;
        JWTClaimsSet claims;
        String headerPart;
        String payloadJson;
        RSASSAVerifier verifier;
        RSASSAVerifier pinnedVerifier;
        Provider provider;

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
        }
    }

    /**
     * A request as the filter sees it: one {@code Authorization: Bearer} header with a new copy of
     * the token, no cookie (a {@link Proxy} answering only what the filter's path asks).
     */
    @State(Scope.Thread)
    public static class Request {
        HttpServletRequest request;
        TokenExtractor extractor = new TokenExtractor("access_token", "refresh_token");

        @Setup(Level.Trial)
        public void setUp(TokenFixture fixture) {
            request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getHeaders" -> Collections.enumeration(List.of("Bearer " + fixture.requestToken()));
                        case "getCookies" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** The filter's token extraction: the header read, its scheme and the RFC 6750 b64token check. */
    @Benchmark
    public Optional<String> extractToken(Request request, CpuTime cpu) {
        return request.extractor.accessToken(request.request);
    }

    /**
     * The filter's own work on a request with a known token: extract, validate (a cache hit), and
     * wrap the request the way the filter does (one wrapper object answering with the principal).
     */
    @Benchmark
    public HttpServletRequest filterWork(TokenFixture fixture, Request request, CpuTime cpu) {
        String token = request.extractor.accessToken(request.request).orElseThrow();
        AuthVitalPrincipal principal = fixture.cached.validate(token).principal();
        return new HttpServletRequestWrapper(request.request) {
            @Override
            public java.security.Principal getUserPrincipal() {
                return principal;
            }
        };
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

    /** nimbus: {@code SignedJWT.verify} of a parsed token with a plain {@code RSASSAVerifier}. */
    @Benchmark
    public boolean nimbusVerify(Parsed parsed, CpuTime cpu) throws JOSEException {
        return parsed.jwt.verify(parsed.verifier);
    }

    /** nimbus: the same with the verifier's JCA provider set once. */
    @Benchmark
    public boolean nimbusVerifyPinned(Parsed parsed, CpuTime cpu) throws JOSEException {
        return parsed.jwt.verify(parsed.pinnedVerifier);
    }

    /** A principal from nimbus's claims ({@code toJSONObject}, mutable maps): the copying path. */
    @Benchmark
    public AuthVitalPrincipal principal(Parsed parsed, CpuTime cpu) {
        return new AuthVitalPrincipal(parsed.claims.toJSONObject());
    }
}
