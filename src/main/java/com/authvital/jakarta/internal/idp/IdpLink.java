package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.internal.message.Messages;
import java.lang.System.Logger.Level;
import java.util.function.LongSupplier;

/**
 * Whether the IdP answers this server, told to the log once per change: the first call that fails
 * for want of the IdP (unreachable, timed out, 5xx, not its answer) logs {@code AV1215} at WARNING,
 * the first 429 {@code AV1217}, the first success after either {@code AV1216} at INFO; the calls in
 * between at DEBUG only. An outage met by thousands of requests is three lines, not thousands. A
 * refusal by the IdP (a 4xx about the request) says nothing about the link and changes nothing.
 */
final class IdpLink {

    private enum State { UP, DOWN, LIMITED }

    private static final System.Logger LOG = System.getLogger(IdpClient.class.getName());

    private final LongSupplier nanoTime;
    private State state = State.UP; // guarded by this
    private long since; // guarded by this
    private int failures; // guarded by this

    IdpLink(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** A call the IdP answered as it should (a refusal about the request included). */
    void answered() {
        String recovered = null;
        synchronized (this) {
            if (state != State.UP) {
                recovered = Messages.idpRecovered(failures, (nanoTime.getAsLong() - since) / 1_000_000_000L);
                state = State.UP;
                failures = 0;
            }
        }
        if (recovered != null) {
            LOG.log(Level.INFO, recovered);
        }
    }

    /** A call that failed with {@code failure}, the module's exception for it. */
    void failed(AuthVitalException failure) {
        State now;
        if (failure instanceof RateLimitedException) {
            now = State.LIMITED;
        } else if (failure instanceof IdpUnavailableException) {
            now = State.DOWN;
        } else {
            answered(); // the IdP answered: a refusal of this request
            return;
        }
        boolean changed;
        synchronized (this) {
            changed = state != now;
            if (state == State.UP) {
                since = nanoTime.getAsLong();
            }
            state = now;
            failures++;
        }
        if (changed) {
            LOG.log(Level.WARNING, now == State.LIMITED ? Messages.idpLimiting(failure.getMessage())
                    : Messages.idpDown(failure.getMessage()));
        } else {
            LOG.log(Level.DEBUG, failure::getMessage);
        }
    }
}
