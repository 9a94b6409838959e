package com.authvital.bench;

import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
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
 * The cost of validating one access token: the raw RS256 verification (the floor), then
 * {@link TokenValidator#validate} of a token not seen before and of one seen before.
 *
 * <p>Both validations get the token as a request hands it over: a new {@code String} per call,
 * made from its bytes, so that a cache lookup hashes and compares the whole token instead of
 * finding the one instance it stored. Run it with {@link JmhRunner}, which interleaves the
 * benchmarks in rounds and prints the ratios. The warm-up is long so that C2 has compiled nimbus's
 * parser before the first measured iteration, also on a busy two-core machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenValidationBenchmark {

    /** One verifier per benchmark thread: a {@link Signature} is reusable but not thread-safe. */
    @State(Scope.Thread)
    public static class Floor {
        Signature signature;

        @Setup(Level.Trial)
        public void setUp(TokenFixture fixture) throws GeneralSecurityException {
            signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(fixture.publicKey);
        }
    }

    /** (a) The floor: base64url-decode the signature and verify it over the signing input. */
    @Benchmark
    public boolean floorRawSignature(TokenFixture fixture, Floor floor, CpuTime cpu) throws GeneralSecurityException {
        byte[] signature = Base64.getUrlDecoder().decode(fixture.signaturePart);
        floor.signature.update(fixture.signingInput);
        return floor.signature.verify(signature);
    }

    /** (b) A token not seen before: the cache is off, so every call parses, verifies and checks claims. */
    @Benchmark
    public ValidatedToken uncachedValidate(TokenFixture fixture, CpuTime cpu) {
        return fixture.uncached.validate(fixture.requestToken());
    }

    /** (c) A token seen before: a cache lookup by the whole token. */
    @Benchmark
    public ValidatedToken cachedValidate(TokenFixture fixture, CpuTime cpu) {
        return fixture.cached.validate(fixture.requestToken());
    }
}
