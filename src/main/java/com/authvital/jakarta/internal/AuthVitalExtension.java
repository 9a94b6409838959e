package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalConfigException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the configuration once, while the application deploys, and offers it as a bean. A
 * missing or malformed setting fails the deployment with every problem listed (the way Jakarta
 * Security reports its own), instead of failing the first request.
 */
public class AuthVitalExtension implements Extension {

    void registerConfig(@Observes AfterBeanDiscovery event) {
        AuthVitalConfig config;
        try {
            // Also here, as the initializer does: whichever runs first reports a missing feature.
            ServerFeatures.check(AuthVitalExtension.class.getClassLoader());
            config = AuthVitalConfig.load(ConfigProvider.getConfig());
        } catch (AuthVitalConfigException e) {
            event.addDefinitionError(e);
            return;
        }
        event.addBean()
                .beanClass(AuthVitalConfig.class)
                .types(AuthVitalConfig.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> config);
    }
}
