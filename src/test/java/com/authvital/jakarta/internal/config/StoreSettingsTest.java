package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreSettingsTest {

    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private static AuthVitalConfig load(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("authvital.host", "https://auth.example.com",
                "authvital.client-id", "my-app"));
        all.putAll(values);
        return AuthVitalConfig.load(key -> Optional.ofNullable(all.get(key)));
    }

    @Test
    void byDefaultTheStoreIsThisServersMemoryAndRefusesChangesWhileUnreachable() {
        StoreSettings store = load(Map.of()).store();
        assertEquals(StoreSettings.Kind.MEMORY, store.kind());
        assertEquals("authvital.my-app.", store.cachePrefix());
        assertEquals(StoreSettings.WhenUnreachable.REFUSE, store.whenUnreachable());
        assertEquals(Duration.ofSeconds(1), store.checkInterval());
        assertEquals(Duration.ofSeconds(5), store.retryInterval());
        assertTrue(store.keyGenerated());
    }

    @Test
    void aSharedStoreWithoutItsKeyIsRefusedNamingTheKey() {
        AuthVitalConfigException refused = assertThrows(AuthVitalConfigException.class,
                () -> load(Map.of("authvital.store", "jcache")));
        assertTrue(refused.getMessage().contains("'authvital.store.key' is not set"), refused.getMessage());
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedWithoutShowingIt() {
        String bad = "bm90LWEta2V5LWF0LWFsbA==";
        AuthVitalConfigException refused = assertThrows(AuthVitalConfigException.class,
                () -> load(Map.of("authvital.store", "jcache", "authvital.store.key", bad)));
        assertTrue(refused.getMessage().contains("'authvital.store.key' is not 32 bytes"), refused.getMessage());
        assertFalse(refused.getMessage().contains(bad));
    }

    @Test
    void aJCacheStoreIsReadWithItsEngineAndNeverShowsItsKey() {
        StoreSettings store = load(Map.of("authvital.store", "jcache", "authvital.store.key", KEY,
                "authvital.store.jcache.provider", "com.hazelcast.cache.HazelcastMemberCachingProvider",
                "authvital.store.jcache.uri", "classpath:hazelcast.xml", "authvital.store.unreachable", "allow",
                "authvital.store.retry-interval", "2s")).store();
        assertEquals(StoreSettings.Kind.JCACHE, store.kind());
        assertEquals(Optional.of("com.hazelcast.cache.HazelcastMemberCachingProvider"), store.provider());
        assertEquals("classpath:hazelcast.xml", store.uri().orElseThrow().toString());
        assertEquals(StoreSettings.WhenUnreachable.ALLOW, store.whenUnreachable());
        assertEquals(Duration.ofSeconds(2), store.retryInterval());
        assertFalse(store.keyGenerated());
        assertFalse(store.toString().contains(KEY));
        assertFalse(load(Map.of("authvital.store", "jcache", "authvital.store.key", KEY)).toString().contains(KEY));
    }

    @Test
    void aPasswordInTheEnginesUriIsNeverShown() {
        StoreSettings store = load(Map.of("authvital.store", "jcache", "authvital.store.key", KEY,
                "authvital.store.jcache.uri", "redis://app:s3cret@cache.internal:6379/0?password=s3cret")).store();
        assertFalse(store.toString().contains("s3cret"), store.toString());
        assertTrue(store.toString().contains("redis://cache.internal:6379/0"), store.toString());
    }

    @Test
    void anUnknownKindOrPolicyIsRefusedNamingTheChoices() {
        AuthVitalConfigException refused = assertThrows(AuthVitalConfigException.class,
                () -> load(Map.of("authvital.store", "redis", "authvital.store.unreachable", "maybe")));
        assertTrue(refused.getMessage().contains("'authvital.store' is neither 'memory' nor 'jcache'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'authvital.store.unreachable' is neither 'refuse' nor 'allow'"),
                refused.getMessage());
    }
}
