package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.http.RequestOrigin;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.store.SessionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * Changes refused while the shared store cannot be reached (AV1503), unless
 * {@code authvital.store.unreachable=allow}: a revocation made now could not reach the other
 * servers. Safe requests go on, checked against this server's copy of the revocations; every
 * request is refused while this server has no copy yet (it started without the cache). The
 * module's logout always goes on: it only takes rights away.
 */
final class StoreGate {

    private final SessionStore store;
    private final boolean refuse;
    private final ModulePaths paths;

    StoreGate(SessionStore store, StoreSettings.WhenUnreachable whenUnreachable, ModulePaths paths) {
        this.store = store;
        this.refuse = whenUnreachable == StoreSettings.WhenUnreachable.REFUSE;
        this.paths = paths;
    }

    /** Why the request may not go on now (503, AV1503); empty when it may. */
    Optional<IdpUnavailableException> refusal(HttpServletRequest request) {
        // Started without the cache: it knows none of the others' revocations yet, so nothing goes on.
        boolean closed = refuse && (!store.holdsRevocations()
                || !store.reachable() && !RequestOrigin.isSafe(request.getMethod()));
        // The path is read only when the gate is closed: a request's path is decoded for nothing otherwise.
        return closed && !paths.isLogout(request) ? Optional.of(new IdpUnavailableException(503, null, List.of(),
                Messages.storeUnreachableRefused(), null)) : Optional.empty();
    }

    /** As {@link #refusal}, thrown. */
    void check(HttpServletRequest request) {
        Optional<IdpUnavailableException> refused = refusal(request);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    @Override
    public String toString() {
        return "StoreGate[refuse=" + refuse + "]";
    }
}
