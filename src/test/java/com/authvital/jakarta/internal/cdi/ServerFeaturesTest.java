package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.AuthVitalConfigException;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerFeaturesTest {

    /** The feature each API package comes with, as the server's featureManager names it. */
    private static final Map<String, String> FEATURES = Map.of(
            "jakarta.enterprise.inject.spi", "cdi-4.0",
            "org.eclipse.microprofile.config", "mpConfig-3.1",
            "org.eclipse.microprofile.rest.client", "mpRestClient-4.0",
            "jakarta.json.bind", "jsonb-3.0",
            "jakarta.json", "jsonp-2.1");

    /** With every feature's API visible, nothing is reported. */
    @Test
    void nothingIsReportedWhenEveryFeatureIsThere() {
        assertDoesNotThrow(() -> ServerFeatures.check(getClass().getClassLoader()));
    }

    /** Each feature is told missing, alone and by its Liberty name, when its API is hidden. */
    @Test
    void eachMissingFeatureIsNamed() {
        for (Map.Entry<String, String> feature : FEATURES.entrySet()) {
            AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                    () -> ServerFeatures.check(hiding(feature.getKey())), feature.getValue());

            assertEquals(1, e.getProblems().size(), e.getMessage());
            assertTrue(e.getMessage().contains("'" + feature.getValue() + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("<feature>" + feature.getValue() + "</feature>"), e.getMessage());
        }
    }

    /** Several missing features are reported together, in one AV0001. */
    @Test
    void everyMissingFeatureIsReportedInOneAv0001() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> ServerFeatures.check(
                hiding("org.eclipse.microprofile.rest.client", "jakarta.json.bind", "jakarta.enterprise.inject.spi")));

        assertTrue(e.getMessage().startsWith("AV0001: "), e.getMessage());
        assertEquals(3, e.getProblems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'mpRestClient-4.0'"), e.getMessage());
        assertTrue(e.getMessage().contains("'jsonb-3.0'"), e.getMessage());
        assertTrue(e.getMessage().contains("'cdi-4.0'"), e.getMessage());
        assertTrue(e.getMessage().contains("org.eclipse.microprofile.rest.client.RestClientBuilder"), e.getMessage());
    }

    /** The initializer, which runs even without CDI, fails the deployment before it reads any configuration. */
    @Test
    void theInitializerFailsTheDeploymentWithoutAFeature() {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getClassLoader")) {
                        return hiding("org.eclipse.microprofile.rest.client");
                    }
                    throw new AssertionError("the initializer went on to " + method.getName());
                });

        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                () -> new AuthVitalInitializer().onStartup(Set.of(), context));

        assertEquals(1, e.getProblems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("<feature>mpRestClient-4.0</feature>"), e.getMessage());
    }

    /** A class loader over this test's that does not see the classes of these packages (not their subpackages). */
    private static ClassLoader hiding(String... packages) {
        Set<String> hidden = Set.of(packages);
        return new ClassLoader(ServerFeaturesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (hidden.contains(name.substring(0, Math.max(0, name.lastIndexOf('.'))))) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }
}
