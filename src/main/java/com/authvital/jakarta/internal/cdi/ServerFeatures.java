package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The server features the module needs, each known by one class of its API. Without one the
 * application would deploy and fail later, at the first call that needs it (a 500 with a
 * {@code NoClassDefFoundError} in the log only); checked when it deploys instead, and told in
 * the server's own words: a Liberty feature, a WildFly subsystem, else the specification.
 */
final class ServerFeatures {

    /** The server the application runs on, known by the class of the loader it gets. */
    enum Server {
        LIBERTY, WILDFLY, OTHER;

        static Server of(ClassLoader loader) {
            String name = loader == null ? "" : loader.getClass().getName();
            if (name.startsWith("com.ibm.ws.")) {
                return LIBERTY;
            }
            return name.startsWith("org.jboss.modules.") ? WILDFLY : OTHER;
        }
    }

    /**
     * A required API: what it is, Liberty's feature and WildFly's subsystem that give it, and a
     * class of it that the application sees when it is there.
     */
    private record Feature(String spec, String liberty, String wildFly, String apiClass) {

        String problem(Server server) {
            String lacking = "(the application does not see " + apiClass + ")";
            return switch (server) {
                case LIBERTY -> "the server lacks the feature '" + liberty + "' " + lacking + ": add <feature>"
                        + liberty + "</feature> to the featureManager of server.xml";
                case WILDFLY -> "the server lacks the subsystem '" + wildFly + "' " + lacking
                        + ": start WildFly with a configuration that has it, such as standalone-microprofile.xml";
                case OTHER -> "the server does not give the application " + spec + " " + lacking
                        + ": enable it in the server";
            };
        }
    }

    private static final List<Feature> REQUIRED = List.of(
            new Feature("Jakarta CDI 4.0", "cdi-4.0", "weld", "jakarta.enterprise.inject.spi.CDI"),
            new Feature("MicroProfile Config 3.1", "mpConfig-3.1", "microprofile-config-smallrye",
                    "org.eclipse.microprofile.config.ConfigProvider"),
            // WildFly's jaxrs subsystem brings the MicroProfile REST Client and the JSON providers.
            new Feature("MicroProfile REST Client 4.0", "mpRestClient-4.0", "jaxrs",
                    "org.eclipse.microprofile.rest.client.RestClientBuilder"),
            new Feature("Jakarta JSON Binding 3.0", "jsonb-3.0", "jaxrs", "jakarta.json.bind.JsonbBuilder"),
            new Feature("Jakarta JSON Processing 2.1", "jsonp-2.1", "jaxrs", "jakarta.json.Json"));

    /** Jakarta Security, needed only when the module is the application's mechanism. */
    private static final Feature JAKARTA_SECURITY = new Feature("Jakarta Security 3.0", "appSecurity-5.0", "ee-security",
            "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism");

    private ServerFeatures() {
    }

    /** MicroProfile Health's API, which the readiness checks implement: optional. */
    static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    /** OpenTelemetry's API (MicroProfile Telemetry), which the metrics and spans use: optional. */
    static final String OPENTELEMETRY_API = "io.opentelemetry.api.OpenTelemetry";

    /** Whether the application sees {@code apiClass}: an optional feature the server may lack. */
    static boolean present(String apiClass, ClassLoader loader) {
        try {
            Class.forName(apiClass, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the module adds its readiness checks: asked for ({@code authvital.health.enabled}) and MicroProfile Health there. */
    static boolean readinessChecks(AuthVitalConfig config, ClassLoader loader) {
        return config.health() && present(HEALTH_API, loader);
    }

    /** Whether the application sees Jakarta Security, needed only when the module is its mechanism. */
    static boolean jakartaSecurityPresent(ClassLoader loader) {
        return present(JAKARTA_SECURITY.apiClass(), loader);
    }

    /** The problem to report when the mechanism is asked for and Jakarta Security is missing. */
    static String jakartaSecurityMissing(String key, ClassLoader loader) {
        return "'" + key + "' is true but " + JAKARTA_SECURITY.problem(Server.of(loader));
    }

    /**
     * Fails unless the application, through {@code loader}, sees the API of every required feature.
     *
     * @throws AuthVitalConfigException (AV0001) naming every missing feature together
     */
    static void check(ClassLoader loader) {
        check(loader, Server.of(loader));
    }

    /** {@link #check(ClassLoader)}, the problems told as {@code server} names the features. */
    static void check(ClassLoader loader, Server server) {
        List<String> problems = new ArrayList<>();
        for (Feature feature : REQUIRED) {
            if (!present(feature.apiClass(), loader)) {
                problems.add(feature.problem(server));
            }
        }
        if (!problems.isEmpty()) {
            throw new AuthVitalConfigException(problems);
        }
    }
}
