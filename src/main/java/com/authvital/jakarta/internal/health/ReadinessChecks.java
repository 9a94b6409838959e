package com.authvital.jakarta.internal.health;

import com.authvital.jakarta.internal.idp.TokenBudget;
import com.authvital.jakarta.internal.session.TokenRefresher;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreStatus;
import com.authvital.jakarta.internal.token.KeyStatus;
import com.authvital.jakarta.internal.token.TokenValidator;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Adds the readiness checks as beans, {@code @Readiness HealthCheck}, which the server's
 * MicroProfile Health finds by their type. Called by the CDI extension only once the API was seen.
 */
public final class ReadinessChecks {

    static final String KEYS = "authvital-keys";
    static final String STORE = "authvital-store";
    static final String BUDGET = "authvital-idp-budget";

    private ReadinessChecks() {
    }

    /**
     * Adds the checks; the store's only for a shared store.
     *
     * @param sharedStore whether {@code authvital.store=jcache}
     */
    public static void register(AfterBeanDiscovery event, BeanManager beans, boolean sharedStore) {
        add(event, KEYS, () -> keys(bean(beans, TokenValidator.class).keyStatus()));
        if (sharedStore) {
            add(event, STORE, () -> store(bean(beans, SessionStore.class).status()));
        }
        add(event, BUDGET, () -> budget(bean(beans, TokenBudget.class).status(),
                bean(beans, TokenRefresher.class).idpBlockedUntil()));
    }

    private static void add(AfterBeanDiscovery event, String name, Supplier<HealthCheckResponse> check) {
        HealthCheck health = check::get;
        event.addBean()
                .beanClass(ReadinessChecks.class)
                .id(ReadinessChecks.class.getName() + "." + name)
                .types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> health);
    }

    private static <T> T bean(BeanManager beans, Class<T> type) {
        return beans.createInstance().select(type).get();
    }

    /** DOWN until the keys were fetched once; UP afterwards, also while a refresh fails (the keys at hand still validate). */
    static HealthCheckResponse keys(KeyStatus status) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(KEYS).status(status.fetched())
                .withData("keys", status.keys())
                .withData("failures-since-success", status.failures());
        if (status.lastSuccess() != null) {
            response.withData("last-success", status.lastSuccess().toString());
        }
        if (status.lastFailureId() != null) {
            response.withData("last-failure", status.lastFailureId());
        }
        return response.build();
    }

    /** DOWN while the shared store cannot be reached (AV1501 until AV1502). */
    static HealthCheckResponse store(StoreStatus status) {
        return HealthCheckResponse.named(STORE).status(status.reachable())
                .withData("pending-writes", status.pendingWrites())
                .withData("mirror-size", status.mirrorSize())
                .build();
    }

    /** Always UP: a spent budget delays refreshes and sign-ins, it does not make the server unready. */
    static HealthCheckResponse budget(TokenBudget.Status status, Instant idpBlockedUntil) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(BUDGET).up()
                .withData("token-calls-per-minute", status.perMinute())
                .withData("token-calls-last-minute", status.lastMinute());
        Instant blocked = later(status.exhaustedUntil(), idpBlockedUntil);
        if (blocked != null) {
            response.withData("blocked-until", blocked.toString());
        }
        return response.build();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
