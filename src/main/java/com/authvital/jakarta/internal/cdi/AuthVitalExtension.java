package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.auth.AuthVitalMechanism;
import com.authvital.jakarta.internal.auth.RoleCheck;
import com.authvital.jakarta.internal.auth.RoleRules;
import com.authvital.jakarta.internal.auth.RolesAllowedInterceptor;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.health.ReadinessChecks;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the configuration once, while the application deploys, and offers it as a bean; adds the
 * Jakarta Security mechanism when it is enabled, the check of {@code @RolesAllowed} on CDI beans,
 * and {@code JsonWebToken} for injection. A missing or malformed setting fails the deployment
 * with every problem listed (the way Jakarta Security reports its own), instead of failing the
 * first request.
 */
public class AuthVitalExtension implements Extension {

    /**
     * Makes {@link AuthVitalMechanism} a bean, and so the application's Jakarta Security
     * mechanism, only when {@code authvital.jakarta-security.enabled=true}: an application that
     * uses the filter alone gets no mechanism. {@link RolesAllowedInterceptor} is there whatever
     * the wiring: a {@code @RolesAllowed} bean method is never open for want of a setting.
     */
    void addMechanism(@Observes BeforeBeanDiscovery event) {
        // First, before the types are discovered: without an API the module uses, discovering its
        // own classes would fail the deployment with a NoClassDefFoundError that names no feature
        // (WildFly's Weld does). An exception here is a definition error (CDI 4.0 §11.5).
        ServerFeatures.check(AuthVitalExtension.class.getClassLoader());
        event.addAnnotatedType(RolesAllowedInterceptor.class, RolesAllowedInterceptor.class.getName())
                .add(InterceptorLiteral.INSTANCE)
                .add(new PriorityLiteral(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE + 200))
                .add(RoleCheck.Literal.INSTANCE);
        boolean enabled = ConfigProvider.getConfig()
                .getOptionalValue(ConfigKeys.JAKARTA_SECURITY, String.class)
                .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
        if (enabled && !ServerFeatures.jakartaSecurityPresent(AuthVitalExtension.class.getClassLoader())) {
            mechanismWithoutFeature = true; // reported in registerConfig, where errors can be
            return;
        }
        if (enabled) {
            event.addAnnotatedType(AuthVitalMechanism.class, AuthVitalMechanism.class.getName())
                    .add(ApplicationScoped.Literal.INSTANCE);
        }
    }

    /** The session beans' annotations: their container checks their roles itself. */
    private static final Set<String> ENTERPRISE_BEANS = Set.of("jakarta.ejb.Stateless", "jakarta.ejb.Stateful",
            "jakarta.ejb.Singleton", "jakarta.ejb.MessageDriven");

    private final List<String> uncheckable = new ArrayList<>();

    /**
     * Binds {@link RolesAllowedInterceptor} to each method of a bean class that
     * {@code @RolesAllowed} or {@code @DenyAll} covers by {@link RoleRules}: on the method or its
     * class, or inherited from a superclass. The platform's annotations are not interceptor
     * bindings, and a class-level one never reaches a subclass (they are not {@code @Inherited}),
     * so the binding is put on each method. Every type: a bean may inherit its roles from a
     * superclass and carry no annotation itself, which {@code @WithAnnotations} would miss (Weld
     * says so at INFO, WELD-000411, once a deployment).
     */
    <T> void bindRoleChecks(@Observes ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Class<T> beanClass = type.getJavaClass();
        if (beanClass.isInterface() || beanClass.isAnnotationPresent(jakarta.interceptor.Interceptor.class)
                || beanClass.isAnnotationPresent(jakarta.decorator.Decorator.class) || Arrays.stream(beanClass.getAnnotations())
                .anyMatch(a -> ENTERPRISE_BEANS.contains(a.annotationType().getName()))) {
            return; // no business methods of a bean, or a session bean
        }
        Set<Method> covered = new HashSet<>();
        for (AnnotatedMethod<? super T> annotated : type.getMethods()) {
            Method method = annotated.getJavaMember();
            if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
                continue; // never called through the bean's proxy
            }
            RoleRules.Rule rule = RoleRules.forCall(beanClass, method);
            if (!rule.checked()) {
                continue;
            }
            if (Modifier.isFinal(method.getModifiers())) {
                uncheckable.add(beanClass.getName() + "." + method.getName());
                continue;
            }
            covered.add(method);
        }
        if (!covered.isEmpty()) {
            event.configureAnnotatedType()
                    .filterMethods(method -> covered.contains(method.getJavaMember()))
                    .forEach(method -> method.add(RoleCheck.Literal.INSTANCE));
        }
    }

    /** A covered method no interceptor can reach fails the deployment: it would be open to anyone. */
    void reportUncheckable(@Observes AfterBeanDiscovery event) {
        if (!uncheckable.isEmpty()) {
            event.addDefinitionError(new DefinitionException(Messages.uncheckableRoleMethods(uncheckable)));
        }
    }

    private boolean mechanismWithoutFeature;

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

    void registerConfig(@Observes AfterBeanDiscovery event, BeanManager beans) {
        AuthVitalConfig config;
        try {
            config = AuthVitalConfig.load(ConfigProvider.getConfig());
            if (mechanismWithoutFeature) {
                throw new AuthVitalConfigException(List.of(ServerFeatures.jakartaSecurityMissing(
                        ConfigKeys.JAKARTA_SECURITY, AuthVitalExtension.class.getClassLoader())));
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
        if (ServerFeatures.readinessChecks(config, AuthVitalExtension.class.getClassLoader())) {
            // Without MicroProfile Health the class is never loaded, and the application deploys as before.
            ReadinessChecks.register(event, beans, config.store().kind() == StoreSettings.Kind.JCACHE);
        }
    }
}
