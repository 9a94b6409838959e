package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalFilter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Maps {@link AuthVitalFilter} by itself when {@code authvital.filter.url-patterns} is set, and
 * the application has not mapped it in {@code web.xml} already (that mapping wins). Without the
 * key it does nothing: adding the jar never locks an application by surprise.
 */
public class AuthVitalInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue(AuthVitalConfig.FILTER_URL_PATTERNS, String.class).isEmpty()
                || alreadyMapped(context)) {
            return;
        }
        // Validates everything, as the CDI extension does: a bad value fails the deployment here.
        List<String> patterns = AuthVitalConfig.load(config).filterUrlPatterns();
        if (!patterns.isEmpty()) {
            AuthVitalFilter.register(context, patterns.toArray(String[]::new));
        }
    }

    private static boolean alreadyMapped(ServletContext context) {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (AuthVitalFilter.class.getName().equals(registration.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
