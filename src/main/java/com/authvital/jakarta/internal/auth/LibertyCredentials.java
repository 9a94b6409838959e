package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.internal.token.ValidatedToken;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Hashtable;

/**
 * What the mechanism tells Open Liberty beside the caller: a {@link Hashtable} among the client
 * subject's private credentials (Liberty's "hashtable login"), to which Liberty's JASPI bridge
 * adds the caller and its groups. It names the caller's entry in Liberty's authentication cache,
 * and says that this caller needs no LTPA token: no LTPA cookie, and no second cache entry keyed by
 * one. Other servers ignore a {@code Hashtable} among the private credentials.
 *
 * <pre>{@code
 * context.getClientSubject().getPrivateCredentials().add(liberty.of(user));
 * context.notifyContainerAboutLogin(user.principal(), user.principal().getGroups());
 * }</pre>
 */
final class LibertyCredentials {

    /** Liberty's name for a login's own authentication-cache key. */
    static final String CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";
    /** With {@link #NO_LTPA_CACHE}: Liberty writes no LTPA cookie for this caller. */
    static final String NO_LTPA_COOKIE = "com.ibm.ws.authentication.internal.sso.disable.ltpa.cookie";
    /** With {@link #NO_LTPA_COOKIE}: Liberty keys the caller's cache entry by {@link #CACHE_KEY} alone, not also by an LTPA token. */
    static final String NO_LTPA_CACHE = "com.ibm.ws.authentication.internal.sso.disable.ltpa.cache";

    private final String prefix;

    /**
     * @param application what keeps this application's keys apart from another's on the same
     *                    server: Liberty's cache is the server's, and the same token in another
     *                    application (its own role mapping, its own copy of the principal's class)
     *                    must not find this application's subject
     */
    LibertyCredentials(String application) {
        this.prefix = "authvital:" + application + ":";
    }

    /** For one instance of the mechanism, that is one application: a random name of 72 bits. */
    static LibertyCredentials forOneApplication() {
        byte[] name = new byte[9];
        new SecureRandom().nextBytes(name);
        return new LibertyCredentials(Base64.getUrlEncoder().withoutPadding().encodeToString(name));
    }

    /**
     * The table for a caller the module has just accepted. Its key is the token's fingerprint
     * (its SHA-256), never the token or a part of it: the key is visible in a heap dump, and a
     * cached subject is only ever found for a token validated on this request.
     */
    Hashtable<String, Object> of(ValidatedToken user) {
        Hashtable<String, Object> table = new Hashtable<>(8);
        table.put(CACHE_KEY, prefix + user.fingerprint());
        table.put(NO_LTPA_COOKIE, Boolean.TRUE);
        table.put(NO_LTPA_CACHE, Boolean.TRUE);
        return table;
    }

    @Override
    public String toString() {
        return "LibertyCredentials";
    }
}
