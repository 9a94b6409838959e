package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.internal.message.ConfigKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the module keeps what several servers must share ({@code SessionStore}): this server's
 * memory (the default) or a JCache engine. From {@code authvital.store.*}. Never shows the key.
 *
 * @param kind          {@code memory} or {@code jcache}
 * @param provider      the JCache {@code CachingProvider}'s class; empty: the only one on the class path
 * @param uri           the engine's configuration for the provider (for Hazelcast, {@code classpath:hazelcast.xml}); empty: its default
 * @param cachePrefix   what the names of the module's caches start with, so that applications sharing an engine keep apart
 * @param key           the AES-256 key that seals the refresh results in the shared cache; the same on every server
 * @param keyGenerated  whether the key was made at this start (only in memory, where nothing leaves the server)
 * @param whenUnreachable what unsafe requests get while the shared cache cannot be reached
 * @param checkInterval how often the shared cache is checked for being reachable
 * @param retryInterval how often, while it cannot be reached, the engine is asked again
 * @param maxEntries    how many entries each region of the in-memory store, or of each server's mirror, takes
 */
public record StoreSettings(Kind kind, Optional<String> provider, Optional<URI> uri, String cachePrefix, SecretKey key,
                     boolean keyGenerated, WhenUnreachable whenUnreachable, Duration checkInterval,
                     Duration retryInterval, int maxEntries) {

    /** Where the shared state lives. */
    /** How many entries a region of the in-memory store takes at most, unless set. */
    public static final int DEFAULT_MAX_ENTRIES = 4_000_000;

    public enum Kind { MEMORY, JCACHE }

    /**
     * What a request that changes something gets while the shared cache cannot be reached: refused
     * with 503 (the default: a revocation made now could not reach the other servers), or let go
     * on, its writes kept on this server until the cache is back.
     */
    public enum WhenUnreachable { REFUSE, ALLOW }

    private static final int KEY_BYTES = 32;

    static StoreSettings read(ConfigReader r, String clientId) {
        Kind kind = r.choice(ConfigKeys.STORE, Kind.class, Kind.MEMORY);
        Optional<String> provider = r.lookup(ConfigKeys.STORE_JCACHE_PROVIDER);
        Optional<URI> uri = r.lookup(ConfigKeys.STORE_JCACHE_URI).flatMap(value -> {
            try {
                return Optional.of(new URI(value));
            } catch (URISyntaxException e) {
                r.problem("'" + ConfigKeys.STORE_JCACHE_URI + "' is '" + value + "', not a URI: use the engine's "
                        + "configuration, e.g. classpath:hazelcast.xml or file:/etc/app/hazelcast.xml");
                return Optional.empty();
            }
        });
        String prefix = r.lookup(ConfigKeys.STORE_CACHE_PREFIX).orElse("authvital." + clientId + ".");
        Optional<byte[]> configured = r.aesKey(ConfigKeys.STORE_KEY);
        if (kind == Kind.JCACHE && configured.isEmpty() && r.lookup(ConfigKeys.STORE_KEY).isEmpty()) {
            r.problem("'" + ConfigKeys.STORE + "' is 'jcache' but '" + ConfigKeys.STORE_KEY + "' is not set: "
                    + "the servers seal the refresh results they share with it; make one with 'openssl rand -base64 32' "
                    + "and give every server of the application the same");
        }
        byte[] key = configured.orElseGet(() -> {
            byte[] generated = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(generated);
            return generated;
        });
        WhenUnreachable when = r.choice(ConfigKeys.STORE_UNREACHABLE, WhenUnreachable.class, WhenUnreachable.REFUSE);
        Duration check = r.duration(ConfigKeys.STORE_CHECK_INTERVAL, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofMinutes(1));
        Duration retry = r.duration(ConfigKeys.STORE_RETRY_INTERVAL, Duration.ofSeconds(5),
                Duration.ofMillis(100), Duration.ofMinutes(10));
        int maxEntries = r.integer(ConfigKeys.STORE_MAX_ENTRIES, DEFAULT_MAX_ENTRIES, 10_000,
                200_000_000);
        return new StoreSettings(kind, provider, uri, prefix, new SecretKeySpec(key, "AES"), configured.isEmpty(),
                when, check, retry, maxEntries);
    }

    /** A URI without its user info or query, which may hold a password. */
    private static String shown(URI uri) {
        return uri.isOpaque() || uri.getUserInfo() == null && uri.getQuery() == null ? uri.toString()
                : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** Never the key, nor a password in the URI. */
    @Override
    public String toString() {
        return "StoreSettings[kind=" + kind + ", provider=" + provider.orElse("-") + ", uri="
                + uri.map(StoreSettings::shown).orElse("-") + ", cachePrefix=" + cachePrefix + ", key="
                + (keyGenerated ? "generated" : "configured") + ", whenUnreachable=" + whenUnreachable
                + ", checkInterval=" + checkInterval + ", retryInterval=" + retryInterval + ", maxEntries=" + maxEntries
                + "]";
    }
}
