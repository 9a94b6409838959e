package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.AuthVitalCallbackServlet;
import com.authvital.jakarta.AuthVitalEventsServlet;
import com.authvital.jakarta.AuthVitalFilter;
import com.authvital.jakarta.AuthVitalLogoutServlet;
import com.authvital.jakarta.AuthVitalSignInServlet;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.message.ConfigKeys;
import jakarta.servlet.Registration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Maps {@link AuthVitalFilter} when {@code authvital.filter.url-patterns} is set,
 * {@link AuthVitalLogoutServlet} when {@code authvital.logout.path} is set, and
 * {@link AuthVitalSignInServlet} and {@link AuthVitalCallbackServlet} when
 * {@code authvital.signin.path} is set, {@link AuthVitalEventsServlet} when
 * {@code authvital.events.path} is set, unless the application maps them itself in
 * {@code web.xml} (that mapping wins). Without those keys it maps nothing:
 * adding the jar never changes an application by surprise. It always fails the deployment when a
 * server feature the module needs is missing.
 */
public class AuthVitalInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        // Every deployment, whatever its keys: without CDI the extension never runs, so only this
        // initializer can tell that a feature is missing; and before MicroProfile Config is used.
        ServerFeatures.check(context.getClassLoader());
        Config raw = ConfigProvider.getConfig();
        boolean filter = raw.getOptionalValue(ConfigKeys.FILTER_URL_PATTERNS, String.class).isPresent()
                && !declared(context.getFilterRegistrations().values(), AuthVitalFilter.class);
        boolean logout = raw.getOptionalValue(ConfigKeys.LOGOUT_PATH, String.class).isPresent()
                && !declared(context.getServletRegistrations().values(), AuthVitalLogoutServlet.class);
        boolean signIn = raw.getOptionalValue(ConfigKeys.SIGNIN_PATH, String.class).isPresent()
                && !declared(context.getServletRegistrations().values(), AuthVitalSignInServlet.class);
        boolean callback = raw.getOptionalValue(ConfigKeys.SIGNIN_PATH, String.class).isPresent()
                && !declared(context.getServletRegistrations().values(), AuthVitalCallbackServlet.class);
        boolean events = raw.getOptionalValue(ConfigKeys.EVENTS_PATH, String.class).isPresent()
                && !declared(context.getServletRegistrations().values(), AuthVitalEventsServlet.class);
        if (!filter && !logout && !signIn && !callback && !events) {
            return;
        }
        // Validates everything, as the CDI extension does: a bad value fails the deployment here.
        AuthVitalConfig config = AuthVitalConfig.load(raw);
        if (filter && !config.filterUrlPatterns().isEmpty()) {
            AuthVitalFilter.register(context, config.filterUrlPatterns().toArray(String[]::new));
        }
        if (logout) {
            config.logoutPath().ifPresent(path -> AuthVitalLogoutServlet.register(context, path));
        }
        if (signIn) {
            config.signIn().path().ifPresent(path -> AuthVitalSignInServlet.register(context, path));
        }
        if (events) {
            config.events().path().ifPresent(path -> AuthVitalEventsServlet.register(context, path));
        }
        if (callback) {
            config.signIn().callbackPath().ifPresent(path -> AuthVitalCallbackServlet.register(context, path));
        }
    }

    private static boolean declared(Collection<? extends Registration> registrations, Class<?> type) {
        return registrations.stream().anyMatch(r -> type.getName().equals(r.getClassName()));
    }
}
