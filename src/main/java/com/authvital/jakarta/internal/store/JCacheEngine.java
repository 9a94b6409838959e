package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * The JCache engine of {@link JCacheStore}: its provider, what the provider is asked with, and
 * the connections made to it, each a CacheManager with one cache of strings per region, named
 * {@code <cache prefix><region>} and made by the first server that needs it.
 *
 * <pre>{@code
 * JCacheEngine engine = new JCacheEngine(settings, getClass().getClassLoader());
 * JCacheEngine.Connection connection = engine.connect(mirror); // for an embedded engine, starts a member
 * engine.retire(connection);                                    // and shuts it down
 * }</pre>
 */
final class JCacheEngine {

    /** The store's own logger: its lines are {@link JCacheStore}'s. */
    private static final System.Logger LOG = System.getLogger(JCacheStore.class.getName());


    /**
     * Hazelcast's name for the configuration of the member behind a CacheManager. Given so (and
     * not only as the URI), closing the CacheManager also shuts down the member the provider
     * started for it, which would otherwise outlive the application. Other engines ignore it; a
     * name, not a class: the module does not depend on Hazelcast.
     */
    static final String HAZELCAST_CONFIG_LOCATION = "hazelcast.config.location";

    /** One connection to the engine: its CacheManager, the caches, and the mirror's listeners. */
    record Connection(CacheManager manager, Map<Region, Cache<String, String>> caches,
                      Map<Region, CacheEntryListenerConfiguration<String, String>> listeners,
                      MirrorFeed.Switch feed) {

        Cache<String, String> cache(Region region) {
            return caches.get(region);
        }
    }

    private final String cachePrefix;
    private final CachingProvider provider;
    /** Every server must give the same: Hazelcast puts it in the names of its distributed caches. */
    private final URI uri;
    /**
     * The provider's own: keys and values are strings, so no class of the application is needed,
     * and Hazelcast puts any other class loader's {@code toString()} into the names of its
     * distributed caches, which would keep each server apart.
     */
    private final ClassLoader loader;
    private final Properties properties = new Properties();
    private final String description;

    /**
     * Finds the provider; connects to nothing yet.
     *
     * @throws AuthVitalConfigException when no JCache provider (or not the one named) can be found
     */
    JCacheEngine(StoreSettings settings, ClassLoader classLoader) {
        this.cachePrefix = settings.cachePrefix();
        this.provider = provider(settings, classLoader);
        this.uri = settings.uri().orElseGet(provider::getDefaultURI);
        this.loader = Optional.ofNullable(provider.getDefaultClassLoader()).orElse(classLoader);
        settings.uri().ifPresent(location -> properties.setProperty(HAZELCAST_CONFIG_LOCATION, location.toString()));
        this.description = cachePrefix + "*, " + provider.getClass().getName() + ", " + shown(uri);
    }

    /** The provider named, or the only one on the class path; a configuration problem naming the key if none. */
    private static CachingProvider provider(StoreSettings settings, ClassLoader classLoader) {
        try {
            return settings.provider().isPresent()
                    ? Caching.getCachingProvider(settings.provider().get(), classLoader)
                    : Caching.getCachingProvider(classLoader);
        } catch (CacheException e) {
            String problem = settings.provider()
                    .map(name -> "'" + ConfigKeys.STORE_JCACHE_PROVIDER + "' is '" + name + "', which is not a "
                            + "JCache CachingProvider the application can load: put the engine's jar in the "
                            + "application, or correct the class name")
                    .orElse("'" + ConfigKeys.STORE + "' is 'jcache' but no single JCache engine was found ("
                            + e.getMessage() + "): put one in the application, or set '"
                            + ConfigKeys.STORE_JCACHE_PROVIDER + "' to its CachingProvider class (for "
                            + "Hazelcast, com.hazelcast.cache.HazelcastMemberCachingProvider)");
            throw new AuthVitalConfigException(List.of(problem));
        }
    }

    /** The caches, the provider and the engine's configuration, for log lines: no value, no user info. */
    String describe() {
        return description;
    }

    /** A new connection: the CacheManager, the caches (made if missing), and the mirror fed from them. */
    Connection connect(StoreMirror mirror) {
        CacheManager manager = provider.getCacheManager(uri, loader, properties);
        Connection connection = new Connection(manager, new EnumMap<>(Region.class), new EnumMap<>(Region.class),
                new MirrorFeed.Switch());
        try {
            for (Region region : Region.values()) {
                connection.caches().put(region, cache(manager, region));
            }
            mirror.attach(connection);
            return connection;
        } catch (RuntimeException e) {
            retire(connection);
            throw e;
        }
    }

    /** The region's cache; made if missing, and taken if another server made it meanwhile. */
    private Cache<String, String> cache(CacheManager manager, Region region) {
        String name = cachePrefix + region.id;
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            warnIfShortLived(cache, region);
            return cache;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                // From the last write, not the first: an entry taken over or replaced lives its own
                // expiry, never cut short by the time its key was first written.
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.SECONDS, region.lifetime.toSeconds())));
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException exists) {
            Cache<String, String> made = manager.getCache(name, String.class, String.class);
            if (made == null) {
                throw exists;
            }
            return made;
        }
    }

    /**
     * Logs {@code AV1506} when the engine's own configuration of a cache (a {@code <cache>} entry of
     * {@code hazelcast.xml}, which replaces the module's) lets entries go before the region's
     * lifetime: a spent refresh token forgotten early is presented to the IdP again, which then
     * signs the user out everywhere; a claim lapsing early lets two servers refresh one token.
     */
    private static void warnIfShortLived(Cache<String, String> cache, Region region) {
        try {
            @SuppressWarnings("unchecked")
            CompleteConfiguration<String, String> configuration = cache.getConfiguration(CompleteConfiguration.class);
            ExpiryPolicy policy = configuration.getExpiryPolicyFactory().create();
            Duration created = policy.getExpiryForCreation();
            if (created != null && !created.isEternal() && !created.isZero()
                    && created.getTimeUnit().toSeconds(created.getDurationAmount()) < region.lifetime.toSeconds()) {
                long seconds = created.getTimeUnit().toSeconds(created.getDurationAmount());
                LOG.log(System.Logger.Level.WARNING, () -> Messages.storeCacheShortLived(cache.getName(), seconds,
                        region.lifetime.toSeconds()));
            }
        } catch (RuntimeException e) {
            // An engine that cannot say: nothing to check against.
        }
    }

    /**
     * Lets go of a connection: its listeners, its CacheManager, and the provider's resources for
     * the URI (an embedded member the provider started for it is shut down). Each step may fail on
     * a broken engine, and the next is still taken.
     */
    void retire(Connection connection) {
        connection.feed().close();
        connection.listeners().forEach((region, listener) ->
                quietly(() -> connection.cache(region).deregisterCacheEntryListener(listener)));
        quietly(connection.manager()::close);
        quietly(() -> provider.close(uri, loader));
    }

    /** Takes one step of letting go, whatever it throws. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException ignored) {
            // A broken engine fails to let go of what it already lost: nothing more to do.
        }
    }

    /** Why the engine failed, for AV1505: the exception and its root cause, types and messages. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? outer : outer + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** A URI for a log line: without user info or query, which may hold a password. */
    private static String shown(URI uri) {
        if (uri.isOpaque()) {
            String part = uri.getSchemeSpecificPart();
            int query = part.indexOf('?');
            return uri.getScheme() + ":" + (query < 0 ? part : part.substring(0, query));
        }
        return (uri.getScheme() == null ? "" : uri.getScheme() + ":")
                + (uri.getHost() == null ? "" : "//" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                + (uri.getPath() == null ? "" : uri.getPath());
    }
}
