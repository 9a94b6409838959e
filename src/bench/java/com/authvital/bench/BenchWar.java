package com.authvital.bench;

import com.authvital.testing.Deployments;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmark WAR, built with the tests' deployment factory (the module as a jar in
 * {@code WEB-INF/lib}, as users ship it): {@link ListComparisonServlet}, and
 * {@link HelloServlet} at {@code /protected/hello} behind the filter, which the module maps
 * itself from {@code authvital.filter.url-patterns}, and at {@code /open/hello} outside it.
 */
final class BenchWar {

    /** The client id of the benchmark's tokens. */
    static final String CLIENT_ID = "authvital-bench";

    private BenchWar() {
    }

    /** The WAR, its MicroProfile Config pointing at the IdP at {@code idpBaseUrl}. */
    static WebArchive build(String idpBaseUrl) {
        return Deployments.app("authvital-bench", Map.of(
                        "authvital.host", idpBaseUrl,
                        "authvital.client-id", CLIENT_ID,
                        "authvital.filter.url-patterns", "/protected/*"),
                HelloServlet.class, PassThroughFilter.class, ListComparisonServlet.class);
    }
}
