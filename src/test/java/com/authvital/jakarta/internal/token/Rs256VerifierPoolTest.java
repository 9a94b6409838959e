package com.authvital.jakarta.internal.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Rs256VerifierPool}: the JDK's RS256 verification through verifiers made once and reused, with
 * signatures made by nimbus, so that a verifier left in a wrong state by an earlier call would
 * show as a wrong answer.
 */
class Rs256VerifierPoolTest {

    private static RSAKey keyPair;
    private static byte[] signingInput;
    private static byte[] signature;

    @BeforeAll
    static void sign() throws Exception {
        keyPair = new RSAKeyGenerator(2048).generate();
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload("{\"sub\":\"ada\"}"));
        jws.sign(new RSASSASigner(keyPair));
        signingInput = jws.getSigningInput();
        signature = jws.getSignature().decode();
    }

    private static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 1;
        return copy;
    }

    @Test
    void verifiesTheKeysSignatureAgainAndAgain() throws Exception {
        Rs256VerifierPool key = new Rs256VerifierPool(keyPair.toRSAPublicKey());

        for (int i = 0; i < 3; i++) {
            assertTrue(key.verify(signingInput, signature), "call " + i);
        }
    }

    @Test
    void refusesAChangedInputOrSignature() throws Exception {
        Rs256VerifierPool key = new Rs256VerifierPool(keyPair.toRSAPublicKey());

        assertFalse(key.verify(flipped(signingInput, 3), signature));
        assertFalse(key.verify(signingInput, flipped(signature, 100)));
    }

    @Test
    void refusesAnotherKeysSignature() throws Exception {
        Rs256VerifierPool other = new Rs256VerifierPool(new RSAKeyGenerator(2048).generate().toRSAPublicKey());

        assertFalse(other.verify(signingInput, signature));
    }

    @Test
    void answersFalseToASignatureOfTheWrongLengthAndStaysUsable() throws Exception {
        Rs256VerifierPool key = new Rs256VerifierPool(keyPair.toRSAPublicKey());

        assertFalse(key.verify(signingInput, Arrays.copyOf(signature, 255)));
        assertFalse(key.verify(signingInput, new byte[0]));
        assertTrue(key.verify(signingInput, signature), "the key still verifies after refusing malformed signatures");
    }

    @Test
    void givesEachConcurrentCallItsOwnAnswer() throws Exception {
        Rs256VerifierPool key = new Rs256VerifierPool(keyPair.toRSAPublicKey());
        byte[] forged = flipped(signature, 7);
        byte[] other = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ".getBytes(StandardCharsets.US_ASCII);
        int threads = 16;
        int calls = 200;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                wrong.add(pool.submit(() -> {
                    go.await();
                    int errors = 0;
                    for (int i = 0; i < calls; i++) {
                        switch ((thread + i) % 4) {
                            case 0 -> errors += key.verify(signingInput, signature) ? 0 : 1;
                            case 1 -> errors += key.verify(signingInput, forged) ? 1 : 0;
                            case 2 -> errors += key.verify(other, signature) ? 1 : 0;
                            default -> errors += key.verify(signingInput, new byte[3]) ? 1 : 0;
                        }
                    }
                    return errors;
                }));
            }
            go.countDown();
            int errors = 0;
            for (Future<Integer> answer : wrong) {
                errors += answer.get(60, TimeUnit.SECONDS);
            }

            assertEquals(0, errors, "wrong answers among " + threads * calls + " concurrent verifications");
        } finally {
            pool.shutdownNow();
        }
    }
}
