package com.authvital.jakarta.internal.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Hazelcast configurations the tests, the two-server demo and docs/sign-in.md's example rely
 * on declare a {@code <cache>} for every region of the store, with its lifetime: a cache Hazelcast
 * does not know gets its default eviction of 10,000 entries and silently loses what the store
 * relies on (a region added to the store and not here would).
 */
class HazelcastConfigsTest {

    private static final Pattern CACHE = Pattern.compile("<cache name=\"authvital\\.\\*\\.([a-z]+)\">(.*?)</cache>",
            Pattern.DOTALL);
    private static final Pattern EXPIRY = Pattern.compile(
            "expiry-policy-type=\"MODIFIED\" duration-amount=\"(\\d+)\" time-unit=\"(DAYS|MINUTES)\"");

    @ParameterizedTest
    @ValueSource(strings = {"hazelcast-cluster.xml", "hazelcast-store-test.xml"})
    void everyRegionHasItsCacheWithItsLifetimeAndNoEviction(String file) throws IOException {
        String xml;
        try (InputStream in = HazelcastConfigsTest.class.getResourceAsStream("/" + file)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Region region : Region.values()) {
            Matcher cache = CACHE.matcher(xml);
            boolean found = false;
            while (cache.find()) {
                if (cache.group(1).equals(region.id)) {
                    Matcher expiry = EXPIRY.matcher(cache.group(2));
                    assertTrue(expiry.find(), file + ": " + region.id + " has a MODIFIED expiry");
                    long amount = Long.parseLong(expiry.group(1));
                    Duration lifetime = expiry.group(2).equals("DAYS") ? Duration.ofDays(amount) : Duration.ofMinutes(amount);
                    assertTrue(lifetime.equals(region.lifetime), file + ": " + region.id + " lives " + lifetime);
                    assertTrue(cache.group(2).contains("<eviction size=\"2147483647\""), file + ": " + region.id
                            + " is never evicted by size");
                    found = true;
                }
            }
            assertTrue(found, file + " declares no cache for the region " + region.id);
        }
    }
}
