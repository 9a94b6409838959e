package com.authvital.jakarta.internal.cdi;

import java.io.Serializable;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What CDI injects as the {@link JsonWebToken} of a request without a user: no name, no claims,
 * no groups, rather than {@code null}.
 */
final class AnonymousToken implements JsonWebToken, Serializable {

    private static final long serialVersionUID = 1L;

    static final AnonymousToken INSTANCE = new AnonymousToken();

    private AnonymousToken() {
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }

    @Override
    public Set<String> getGroups() {
        return Set.of();
    }

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "AnonymousToken";
    }
}
