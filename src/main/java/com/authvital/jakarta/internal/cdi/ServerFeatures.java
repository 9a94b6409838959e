package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.AuthVitalConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server features the module needs, each known by one class of its API. Without one the
 * application would deploy and fail later, at the first call that needs it (a 500 with a
 * {@code NoClassDefFoundError} in the log only); checked when it deploys instead.
 */
final class ServerFeatures {

    /** A Liberty feature, and a class of its API that the application sees when it is enabled. */
    private record Feature(String name, String apiClass) {
    }

    private static final List<Feature> REQUIRED = List.of(
            new Feature("cdi-4.0", "jakarta.enterprise.inject.spi.CDI"),
            new Feature("mpConfig-3.1", "org.eclipse.microprofile.config.ConfigProvider"),
            new Feature("mpRestClient-4.0", "org.eclipse.microprofile.rest.client.RestClientBuilder"),
            new Feature("jsonb-3.0", "jakarta.json.bind.JsonbBuilder"),
            new Feature("jsonp-2.1", "jakarta.json.Json"));

    private ServerFeatures() {
    }

    /**
     * Fails unless the application, through {@code loader}, sees the API of every required feature.
     *
     * @throws AuthVitalConfigException (AV0001) naming every missing feature together
     */
    static void check(ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        for (Feature feature : REQUIRED) {
            try {
                Class.forName(feature.apiClass(), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("the server lacks the feature '" + feature.name() + "' (the application does not see "
                        + feature.apiClass() + "): add <feature>" + feature.name()
                        + "</feature> to the featureManager of server.xml");
            }
        }
        if (!problems.isEmpty()) {
            throw new AuthVitalConfigException(problems);
        }
    }
}
