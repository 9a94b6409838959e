package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.AuthVitalPrincipal;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the configuration once, while the application deploys, and offers it as a bean; adds the
 * Jakarta Security mechanism when it is enabled, and {@code JsonWebToken} for injection. A
 * missing or malformed setting fails the deployment with every problem listed (the way Jakarta
 * Security reports its own), instead of failing the first request.
 */
public class AuthVitalExtension implements Extension {

    /**
     * Makes {@link AuthVitalMechanism} a bean, and so the application's Jakarta Security
     * mechanism, only when {@code authvital.jakarta-security.enabled=true}: an application that
     * uses the filter alone sees no change.
     */
    void addMechanism(@Observes BeforeBeanDiscovery event) {
        boolean enabled = ConfigProvider.getConfig()
                .getOptionalValue(AuthVitalConfig.JAKARTA_SECURITY, String.class)
                .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
        if (enabled && !jakartaSecurityPresent()) {
            mechanismWithoutFeature = true; // reported in registerConfig, where errors can be
            return;
        }
        if (enabled) {
            event.addAnnotatedType(AuthVitalMechanism.class, AuthVitalMechanism.class.getName())
                    .add(ApplicationScoped.Literal.INSTANCE);
            // @RolesAllowed on CDI beans: a binding whose roles do not pick the interceptor, which reads them.
            event.configureInterceptorBinding(RolesAllowed.class)
                    .methods().forEach(method -> method.add(Nonbinding.Literal.INSTANCE));
            event.addAnnotatedType(RolesAllowedInterceptor.class, RolesAllowedInterceptor.class.getName())
                    .add(InterceptorLiteral.INSTANCE)
                    .add(new PriorityLiteral(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE + 200))
                    .add(new RolesAllowedLiteral());
        }
    }

    private boolean mechanismWithoutFeature;

    private static boolean jakartaSecurityPresent() {
        try {
            Class.forName("jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism",
                    false, AuthVitalExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {@code @Interceptor}, which has no literal of its own. */
    @SuppressWarnings("all")
    private static final class InterceptorLiteral extends AnnotationLiteral<jakarta.interceptor.Interceptor>
            implements jakarta.interceptor.Interceptor {
        static final InterceptorLiteral INSTANCE = new InterceptorLiteral();
    }

    /** {@code @Priority(value)}. */
    @SuppressWarnings("all")
    private static final class PriorityLiteral extends AnnotationLiteral<Priority> implements Priority {
        private final int value;

        PriorityLiteral(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }
    }

    /** {@code @RolesAllowed({})}: the binding the interceptor carries. */
    @SuppressWarnings("all")
    private static final class RolesAllowedLiteral extends AnnotationLiteral<RolesAllowed> implements RolesAllowed {
        @Override
        public String[] value() {
            return new String[0];
        }
    }

    /**
     * {@code @Inject JsonWebToken} for request-scoped beans: the caller's principal, or an empty
     * one without a user; unless another bean gives it already (the server's own {@code mpJwt}
     * feature), which then keeps it.
     */
    void addJsonWebToken(@Observes AfterBeanDiscovery event, BeanManager beans) {
        if (!beans.getBeans(JsonWebToken.class).isEmpty()) {
            return;
        }
        event.addBean()
                .beanClass(AuthVitalPrincipal.class)
                .types(JsonWebToken.class, Object.class)
                .scope(RequestScoped.class)
                .createWith(context -> CDI.current().select(HttpServletRequest.class).get()
                        .getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken token
                        ? token.principal() : AnonymousToken.INSTANCE);
    }

    void registerConfig(@Observes AfterBeanDiscovery event) {
        AuthVitalConfig config;
        try {
            // Also here, as the initializer does: whichever runs first reports a missing feature.
            ServerFeatures.check(AuthVitalExtension.class.getClassLoader());
            config = AuthVitalConfig.load(ConfigProvider.getConfig());
            if (mechanismWithoutFeature) {
                throw new AuthVitalConfigException(List.of("'" + AuthVitalConfig.JAKARTA_SECURITY
                        + "' is true but Jakarta Security is missing: enable the server feature appSecurity-5.0"));
            }
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
