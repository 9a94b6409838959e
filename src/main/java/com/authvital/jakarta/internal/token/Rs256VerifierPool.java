package com.authvital.jakarta.internal.token;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One of the IdP's RS256 keys (RFC 7518 §3.3: RSASSA-PKCS1-v1_5 with SHA-256), with the JDK's
 * {@code SHA256withRSA} verifiers for it made and initialised once, then reused.
 *
 * <p>The verification is the JDK's; nothing here is cryptography of our own. What this class
 * saves is the set-up a JOSE library repeats on every call ({@code Signature.getInstance}, which
 * searches the providers and makes a message digest, then {@code initVerify}), a sizeable part
 * of a verification (docs/decisions/0004-nimbus-claims-parsing.md). A {@link Signature} is not
 * thread-safe, so each call borrows one from a small pool and gives it back; a successful
 * {@code verify} leaves it initialised for the same key (its documented contract), and one that
 * threw is dropped rather than reused in an unknown state.
 */
final class Rs256VerifierPool {

    private static final String ALGORITHM = "SHA256withRSA";
    /** Idle verifiers kept; more concurrent calls make their own and drop them afterwards. */
    private static final int POOL_SIZE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final RSAPublicKey key;
    /** An RS256 signature is exactly as long as the modulus (RFC 8017 §8.2.2). */
    private final int signatureLength;
    /** The provider the JDK chose for this key, so later verifiers skip the provider search. */
    private final Provider provider;
    private final ArrayBlockingQueue<Signature> idle = new ArrayBlockingQueue<>(POOL_SIZE);

    /** @throws InvalidKeyException when no installed provider verifies SHA256withRSA with this key */
    Rs256VerifierPool(RSAPublicKey key) throws InvalidKeyException {
        this.key = key;
        this.signatureLength = (key.getModulus().bitLength() + 7) / 8;
        Signature first;
        try {
            first = Signature.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e); // every Java SE has it
        }
        first.initVerify(key); // picks the provider that takes this key
        this.provider = first.getProvider();
        idle.offer(first);
    }

    /**
     * Whether {@code signature} is this key's RS256 signature of {@code signingInput}. A
     * signature of the wrong length or otherwise malformed is simply not valid.
     */
    boolean verify(byte[] signingInput, byte[] signature) {
        return verify(signingInput, signingInput.length, signature);
    }

    /** The same for the signing input that is the first {@code length} bytes of {@code data}. */
    boolean verify(byte[] data, int length, byte[] signature) {
        if (signature.length != signatureLength) {
            return false; // refused here rather than trusting each provider to refuse it cleanly
        }
        Signature verifier = idle.poll();
        try {
            if (verifier == null) {
                verifier = Signature.getInstance(ALGORITHM, provider);
                verifier.initVerify(key);
            }
            verifier.update(data, 0, length);
            boolean valid = verifier.verify(signature);
            idle.offer(verifier);
            return valid;
        } catch (SignatureException | ProviderException e) {
            return false; // malformed for this provider; the verifier is dropped
        } catch (GeneralSecurityException e) {
            // The provider took this key once; refusing it now would be a JDK fault.
            throw new IllegalStateException(provider.getName() + " no longer verifies " + ALGORITHM + " with this key", e);
        }
    }
}
