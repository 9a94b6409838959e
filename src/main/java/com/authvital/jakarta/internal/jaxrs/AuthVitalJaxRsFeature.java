package com.authvital.jakarta.internal.jaxrs;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Registers {@link AuthVitalExceptionMapper} in every JAX-RS application of the WAR, found there
 * as a {@code @Provider} the way the application's own are, unless
 * {@code authvital.jaxrs.exception-mapper=false}. A feature rather than the mapper itself with
 * {@code @Provider}: a mapper cannot decline, so the setting is read before it is registered.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class AuthVitalJaxRsFeature implements Feature {

    /**
     * Below an application's own mappers: one without {@code @Priority} has {@link Priorities#USER},
     * and of two mappers of the same exception JAX-RS picks the higher priority, the lower number
     * (Jakarta REST 3.1 §4.1.3, §4.4).
     */
    static final int PRIORITY = Priorities.USER + 1000;

    @Override
    public boolean configure(FeatureContext context) {
        // Looked up rather than injected: Jakarta REST instantiates a scanned provider itself, and
        // injection into it is a server's extra, not the specification's (Jakarta REST 3.1 §4.1.2).
        if (!CDI.current().select(AuthVitalConfig.class).get().jaxrsExceptionMapper()) {
            return false;
        }
        context.register(AuthVitalExceptionMapper.class, PRIORITY);
        return true;
    }
}
