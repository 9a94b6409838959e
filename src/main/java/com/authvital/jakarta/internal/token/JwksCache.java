package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.idp.IdpFailures;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.InvalidKeyException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The IdP's signing keys from {@code /.well-known/jwks.json}, one verifier per key built once.
 * Only RSA keys for signing with RS256 (or no declared algorithm) of at least 2048 bits (RFC 7518
 * §3.3) are kept; a token signed by any other key is refused as signed by an unknown one.
 *
 * <ul>
 * <li>The first requests wait for one shared fetch; nothing can be validated before it.</li>
 * <li>Once the keys are older than the refresh interval, the next request starts a fetch in the
 *     background and goes on with the keys it has: no request waits for a refresh. A failed
 *     refresh is retried at most once a second.</li>
 * <li>A {@code kid} not among the keys (a rotation at the IdP) causes a fetch, at most one per
 *     minimum refetch interval, so a flood of made-up kids cannot hammer the IdP.</li>
 * <li>While no keys could ever be fetched, a failed fetch is retried at most once a second.</li>
 * <li>A fetch ends by its deadline, the connect and read timeouts added, whatever the IdP sends
 *     or withholds; then the next one may start.</li>
 * </ul>
 *
 * <p>The first failed fetch after a success (or at start) is logged as a WARNING ({@code AV1207}),
 * the ones after it at DEBUG, the first success after failures as INFO ({@code AV1208}): one line
 * per change, however many requests meet the outage; neither holds anything but the URL and the
 * reason. {@link #warmUp()} fetches before any request, and while no fetch has ever succeeded
 * tries again in the background, 1 s after the first failure and then twice as long each time up
 * to {@value #MAX_COLD_RETRY_SECONDS} s, so that a readiness check can see the keys come without
 * waiting for traffic. {@link #status()} reads what is known, never fetching.
 */
final class JwksCache implements AutoCloseable {

    private static final long FAILURE_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int MAX_COLD_RETRY_SECONDS = 30;
    private static final int MIN_KEY_BITS = 2048;
    private static final System.Logger LOG = System.getLogger(JwksCache.class.getName());

    private record Keys(Map<String, Rs256VerifierPool> byKid, long fetchedAt) {
    }

    private final URI jwksUri;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long deadlineMillis;
    private final long refreshNanos;
    private final long refetchNanos;
    private final LongSupplier nanoTime;
    private final Telemetry telemetry;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "authvital-jwks");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Keys keys;
    private volatile long lastAttempt;
    private volatile long lastFailure;
    private volatile Throwable lastError;
    private volatile Instant lastSuccess;
    private volatile String lastFailureId;
    private volatile int failures; // written under this: failed fetches since the last good one
    private CompletableFuture<Keys> inFlight; // guarded by this
    private boolean warm; // guarded by this: keep trying in the background until a fetch succeeds
    private int coldRetrySeconds; // guarded by this
    private boolean retryPending; // guarded by this: one background retry at a time, however many requests failed
    private boolean closed; // guarded by this

    JwksCache(URI restUrl, Duration connectTimeout, Duration readTimeout, Duration refreshInterval,
              Duration refetchInterval, LongSupplier nanoTime) {
        this(restUrl, connectTimeout, readTimeout, refreshInterval, refetchInterval, nanoTime, Telemetry.NONE);
    }

    JwksCache(URI restUrl, Duration connectTimeout, Duration readTimeout, Duration refreshInterval,
              Duration refetchInterval, LongSupplier nanoTime, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.jwksUri = URI.create(restUrl.toString() + "/.well-known/jwks.json");
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.deadlineMillis = connectTimeout.plus(readTimeout).toMillis();
        this.refreshNanos = refreshInterval.toNanos();
        this.refetchNanos = refetchInterval.toNanos();
        this.nanoTime = nanoTime;
        this.lastAttempt = nanoTime.getAsLong() - refetchNanos;
    }

    /**
     * The verifier of the key named {@code kid}; empty when the IdP does not publish it.
     *
     * @throws IdpUnavailableException when no keys could be fetched yet
     */
    Optional<Rs256VerifierPool> verifier(String kid) {
        Keys current = keys;
        if (current == null) {
            current = await(fetch(true));
        } else {
            refreshIfDue(current);
        }
        Rs256VerifierPool verifier = current.byKid().get(kid);
        if (verifier == null) {
            // A fetch under way (perhaps the refresh just started) may bring the kid: wait for it.
            CompletableFuture<Keys> pending = pendingOrRefetch();
            if (pending != null) {
                current = await(pending);
                verifier = current.byKid().get(kid);
            } else if (keys != current) {
                verifier = keys.byKid().get(kid); // a fetch (the refresh just started) landed meanwhile
            }
        }
        return Optional.ofNullable(verifier);
    }

    /**
     * Fetches the keys now, in the background, and until one fetch succeeds tries again with a
     * growing pause: the keys are there before the first request, and a readiness check sees them
     * come by themselves. Only where a readiness check needs it: otherwise the first request fetches.
     */
    synchronized void warmUp() {
        warm = true;
        if (keys == null && !closed) {
            fetch(false);
        }
    }

    /** When the last fetch started ({@code nanoTime}): a lookup that saw it change knows the IdP was asked. */
    long lastAttempt() {
        return lastAttempt;
    }

    /** What is known of the keys now, from memory. */
    KeyStatus status() {
        Keys current = keys;
        return new KeyStatus(current != null, lastSuccess, current == null ? 0 : current.byKid().size(),
                lastFailureId, failures);
    }

    /**
     * Whether the keys at hand hold {@code kid}; never waits for a fetch, but starts the refresh
     * when it is due, so that a key the IdP retired stops counting even if every token is cached.
     */
    boolean publishes(String kid) {
        Keys current = keys;
        if (current == null) {
            return false;
        }
        refreshIfDue(current);
        return current.byKid().containsKey(kid);
    }

    /** Starts a fetch in the background once the keys are older than the refresh interval. */
    private void refreshIfDue(Keys current) {
        long now = nanoTime.getAsLong();
        if (now - current.fetchedAt() > refreshNanos && now - lastAttempt >= FAILURE_BACKOFF_NANOS) {
            fetch(false); // this request goes on with the keys it has
        }
    }

    /** The fetch under way; else a new one if the refetch interval allows; else null. */
    private synchronized CompletableFuture<Keys> pendingOrRefetch() {
        if (inFlight != null) {
            return inFlight;
        }
        return nanoTime.getAsLong() - lastAttempt >= refetchNanos ? fetch(false) : null;
    }

    /** The fetch under way, or a new one; {@code cold}: fail fast inside the failure back-off. */
    private synchronized CompletableFuture<Keys> fetch(boolean cold) {
        if (inFlight != null) {
            return inFlight;
        }
        if (cold && keys != null) {
            return CompletableFuture.completedFuture(keys); // another request's fetch landed meanwhile
        }
        long now = nanoTime.getAsLong();
        if (cold && lastError != null && now - lastFailure < FAILURE_BACKOFF_NANOS) {
            return CompletableFuture.failedFuture(lastError);
        }
        lastAttempt = now;
        JwksFetch exchange = new JwksFetch(jwksUri, connectTimeout, readTimeout);
        Telemetry.Call call = telemetry.idpCall(Telemetry.Endpoint.JWKS); // on the caller's thread: its span's child
        // Whoever waits for the fetch sees its outcome recorded (the keys, the failure and its log
        // line): the future handed out completes only after done() ran.
        CompletableFuture<Keys> fetch = CompletableFuture.supplyAsync(() -> parse(read(exchange)), executor)
                .orTimeout(deadlineMillis, TimeUnit.MILLISECONDS)
                .whenComplete((fetched, error) -> {
                    done(fetched, error);
                    call.end(fetched != null ? 200 : 0, fetched != null ? null : lastFailureId);
                    if (error != null) {
                        exchange.abort(); // at the deadline, frees the thread still reading
                    }
                });
        if (!fetch.isDone()) {
            inFlight = fetch; // else done() ran already, in this thread, and there is nothing in flight
        }
        return fetch;
    }

    /** Runs on completion of every fetch, also when it timed out or was cancelled. */
    private synchronized void done(Keys fetched, Throwable error) {
        inFlight = null;
        telemetry.jwksFetch(fetched != null);
        if (fetched != null) {
            keys = fetched;
            lastError = null;
            lastFailureId = null;
            lastSuccess = Instant.now();
            if (failures > 0) {
                LOG.log(Level.INFO, Messages.keyFetchRecovered(jwksUri, failures));
            }
            failures = 0;
        } else {
            lastFailure = nanoTime.getAsLong();
            lastError = error;
            String message = Messages.keyFetchFailed(jwksUri, IdpFailures.describe(error), keys != null);
            lastFailureId = Telemetry.messageId(message);
            // One WARNING when the keys stop coming, not one per request that meets the outage.
            LOG.log(failures == 0 ? Level.WARNING : Level.DEBUG, message);
            failures++;
            if (warm && keys == null && !closed && !retryPending) {
                retryPending = true;
                coldRetrySeconds = coldRetrySeconds == 0 ? 1 : Math.min(MAX_COLD_RETRY_SECONDS, coldRetrySeconds * 2);
                CompletableFuture.delayedExecutor(coldRetrySeconds, TimeUnit.SECONDS, executor).execute(this::retryCold);
            }
        }
    }

    private synchronized void retryCold() {
        retryPending = false;
        if (keys == null && !closed) {
            fetch(false);
        }
    }

    private static String read(JwksFetch exchange) {
        try {
            return exchange.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Keys parse(String body) {
        try {
            Map<String, Rs256VerifierPool> byKid = new HashMap<>();
            for (JWK jwk : JWKSet.parse(body).getKeys()) {
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null
                        && (jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse()))
                        && (jwk.getAlgorithm() == null || JWSAlgorithm.RS256.equals(jwk.getAlgorithm()))) {
                    RSAPublicKey key = rsa.toRSAPublicKey();
                    // the modulus's own size: RSAKey.size() counts its encoding, leading zeros too
                    if (key.getModulus().bitLength() >= MIN_KEY_BITS) {
                        byKid.put(jwk.getKeyID(), new Rs256VerifierPool(key));
                    }
                }
            }
            return new Keys(Map.copyOf(byKid), nanoTime.getAsLong());
        } catch (java.text.ParseException | JOSEException | InvalidKeyException e) {
            throw new IllegalStateException("answered a body that is not a JWK set", e);
        }
    }

    /** The fetch's keys; when it fails, the keys already known, else the IdP is unavailable. */
    private Keys await(CompletableFuture<Keys> fetch) {
        Throwable failure = null;
        try {
            return fetch.get(deadlineMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            // described as "timed out" below
        }
        Keys known = keys;
        if (known != null) {
            return known;
        }
        // The IdP's address and the reason are in the log (AV1207), not for whoever sent the request.
        throw new IdpUnavailableException(503, null, List.of(), Messages.keysUnavailable(), failure);
    }


    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        executor.shutdownNow();
    }
}
