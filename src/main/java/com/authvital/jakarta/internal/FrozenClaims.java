package com.authvital.jakarta.internal;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A token's claims as {@link JwtParts} reads them: unmodifiable all the way down (strings,
 * numbers, booleans, {@code List.copyOf} lists, {@code Map.copyOf} maps), made nowhere else. That
 * is what lets {@link com.authvital.jakarta.AuthVitalPrincipal} keep them without walking them
 * to check that nothing inside can change; for any other map it makes a frozen copy.
 */
public final class FrozenClaims extends AbstractMap<String, Object> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> claims;

    /** @param claims a {@code Map.copyOf} map of JSON values made unmodifiable all the way down */
    FrozenClaims(Map<String, Object> claims) {
        this.claims = claims;
    }

    @Override
    public Object get(Object name) {
        return claims.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return claims.containsKey(name);
    }

    @Override
    public int size() {
        return claims.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return claims.entrySet(); // unmodifiable, as is every value
    }

    /** Written as the plain unmodifiable map: a stream can claim anything, so no stream makes one of these. */
    private Object writeReplace() {
        return claims;
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("FrozenClaims are only made by the module's token parser");
    }
}
