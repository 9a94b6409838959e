package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.AuthVitalConfigException;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                    () -> ServerFeatures.check(hiding(feature.getKey()), ServerFeatures.Server.LIBERTY), feature.getValue());

            assertEquals(1, e.getProblems().size(), e.getMessage());
            assertTrue(e.getMessage().contains("'" + feature.getValue() + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("<feature>" + feature.getValue() + "</feature>"), e.getMessage());
        }
    }

    /** Several missing features are reported together, in one AV0001. */
    @Test
    void everyMissingFeatureIsReportedInOneAv0001() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> ServerFeatures.check(
                hiding("org.eclipse.microprofile.rest.client", "jakarta.json.bind", "jakarta.enterprise.inject.spi"),
                ServerFeatures.Server.LIBERTY));

        assertTrue(e.getMessage().startsWith("AV0001E: "), e.getMessage());
        assertEquals(3, e.getProblems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'mpRestClient-4.0'"), e.getMessage());
        assertTrue(e.getMessage().contains("'jsonb-3.0'"), e.getMessage());
        assertTrue(e.getMessage().contains("'cdi-4.0'"), e.getMessage());
        assertTrue(e.getMessage().contains("org.eclipse.microprofile.rest.client.RestClientBuilder"), e.getMessage());
    }

    /** On WildFly, a missing API is told by the subsystem that gives it, not by a Liberty feature. */
    @Test
    void onWildFlyTheSubsystemIsNamed() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> ServerFeatures.check(
                hiding("org.eclipse.microprofile.config", "org.eclipse.microprofile.rest.client"),
                ServerFeatures.Server.WILDFLY));

        assertEquals(List.of("the server lacks the subsystem 'microprofile-config-smallrye' (the application does not see "
                        + "org.eclipse.microprofile.config.ConfigProvider): start WildFly with a configuration that has it, "
                        + "such as standalone-microprofile.xml",
                "the server lacks the subsystem 'jaxrs' (the application does not see "
                        + "org.eclipse.microprofile.rest.client.RestClientBuilder): start WildFly with a configuration "
                        + "that has it, such as standalone-microprofile.xml"), e.getProblems());
        assertFalse(e.getMessage().contains("featureManager"), e.getMessage());
    }

    /** On a server the module does not know, the specification is named. */
    @Test
    void onAnotherServerTheSpecificationIsNamed() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> ServerFeatures.check(
                hiding("jakarta.json.bind"), ServerFeatures.Server.OTHER));

        assertTrue(e.getMessage().contains("does not give the application Jakarta JSON Binding 3.0"), e.getMessage());
    }

    /** The mechanism asked for without Jakarta Security names the setting and what gives the API. */
    @Test
    void theMechanismWithoutJakartaSecurityNamesTheSettingAndTheApi() {
        String problem = ServerFeatures.jakartaSecurityMissing("authvital.jakarta-security.enabled", getClass().getClassLoader());

        assertEquals("'authvital.jakarta-security.enabled' is true but the server does not give the application "
                + "Jakarta Security 3.0 (the application does not see "
                + "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism): enable it in the server",
                problem);
    }

    /** The server is known by its application class loader: Liberty's and WildFly's by their packages, else none. */
    @Test
    void theServerIsKnownByItsClassLoader() {
        assertEquals(ServerFeatures.Server.OTHER, ServerFeatures.Server.of(getClass().getClassLoader()));
        assertEquals(ServerFeatures.Server.OTHER, ServerFeatures.Server.of(null));
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
        assertTrue(e.getMessage().contains("MicroProfile REST Client 4.0"), e.getMessage());
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
