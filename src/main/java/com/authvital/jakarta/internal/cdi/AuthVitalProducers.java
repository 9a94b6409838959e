package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.AuthVitalCookies;
import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.internal.auth.Authenticator;
import com.authvital.jakarta.internal.auth.RoleGuard;
import com.authvital.jakarta.internal.auth.RolesAllowedInterceptor;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.events.EventReceiver;
import com.authvital.jakarta.internal.events.EventVerifier;
import com.authvital.jakarta.internal.flow.LogoutFlow;
import com.authvital.jakarta.internal.flow.SignInFlow;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.idp.TokenBudget;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.service.CookiesService;
import com.authvital.jakarta.internal.service.SessionsService;
import com.authvital.jakarta.internal.session.DeviceRecords;
import com.authvital.jakarta.internal.session.Revocations;
import com.authvital.jakarta.internal.session.Sealer;
import com.authvital.jakarta.internal.session.SessionEnds;
import com.authvital.jakarta.internal.session.TokenRefresher;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.store.JCacheStore;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreStatus;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import com.authvital.jakarta.internal.token.TokenExtractor;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * The module's shared parts, one of each per application, built from the validated configuration
 * and closed when the application stops; and the current user for CDI beans of a request.
 */
@Dependent
public class AuthVitalProducers {

    /** The one writer of the token cookies, for the module and for {@link AuthVitalCookies}. */
    @Produces
    @Singleton
    CookieWriter cookieWriter(AuthVitalConfig config) {
        return new CookieWriter(config.cookies());
    }

    @Produces
    @Singleton
    TokenExtractor tokenExtractor(AuthVitalConfig config) {
        return new TokenExtractor(config.cookies().accessTokenName(), config.cookies().refreshTokenName());
    }

    @Produces
    @Singleton
    Authenticator authenticator(AuthVitalConfig config, TokenExtractor tokens, TokenValidator validator,
                                Revocations revocations, TokenRefresher refresher, CookieWriter cookies,
                                SessionStore store) {
        return new Authenticator(config, tokens, validator, revocations, refresher, cookies, store,
                Clock.systemUTC());
    }

    /** What the servers of the application share: this server's memory, or a JCache engine ({@code authvital.store}). */
    @Produces
    @Singleton
    SessionStore sessionStore(AuthVitalConfig config) {
        return switch (config.store().kind()) {
            case MEMORY -> {
                // Said once at start: where revocation is promised, a restart must not silently undo it.
                System.getLogger(InMemoryStore.class.getName()).log(System.Logger.Level.INFO, Messages.storeInMemory());
                yield new InMemoryStore(Clock.systemUTC(), config.store().maxEntries());
            }
            case JCACHE -> new JCacheStore(config.store(), AuthVitalProducers.class.getClassLoader(), Clock.systemUTC());
        };
    }

    void close(@Disposes SessionStore store) {
        store.close();
    }

    /**
     * Starts the store with the application rather than at its first request: a JCache engine
     * (an embedded Hazelcast member joining its cluster) takes seconds, and the revocations other
     * servers made meanwhile must be here before the first request is checked.
     */
    void startStore(@Observes @Initialized(ApplicationScoped.class) Object started, SessionStore store,
                    AuthVitalConfig config, TokenValidator validator, Telemetry telemetry) {
        store.reachable();
        if (ServerFeatures.readinessChecks(config, AuthVitalProducers.class.getClassLoader())) {
            // authvital-keys is DOWN until the keys came: they must come without waiting for traffic,
            // which a server that is not ready does not get.
            validator.warmUp();
        }
        telemetry.gauges(validator::cachedTokens, () -> {
            StoreStatus status = store.status();
            return status.shared() ? new Telemetry.StoreGauges(status.reachable(), status.pendingWrites(),
                    status.mirrorSizes()) : null;
        });
    }

    /**
     * Metrics and IdP spans through the server's OpenTelemetry (MicroProfile Telemetry), unless it
     * has none or {@code authvital.telemetry.enabled=false}: then nothing is recorded.
     */
    @Produces
    @Singleton
    Telemetry telemetry(AuthVitalConfig config, BeanManager beans) {
        if (config.telemetry() && ServerFeatures.present(ServerFeatures.OPENTELEMETRY_API,
                AuthVitalProducers.class.getClassLoader())) {
            return OpenTelemetrySource.telemetry(beans);
        }
        return Telemetry.NONE;
    }

    void close(@Disposes Telemetry telemetry) {
        telemetry.close();
    }

    @Produces
    @Singleton
    DeviceRecords deviceRecords(SessionStore store) {
        return new DeviceRecords(store, Clock.systemUTC());
    }

    @Produces
    @Singleton
    TokenRefresher tokenRefresher(AuthVitalConfig config, IdpClient idp, TokenValidator validator,
                                  Revocations revocations, DeviceRecords devices, SessionStore store, TokenBudget budget,
                                  Telemetry telemetry) {
        // Another server's refresh is awaited as long as an IdP call may take, and a second.
        Duration patience = config.idp().connectTimeout().plus(config.idp().readTimeout()).plusSeconds(1);
        return new TokenRefresher(idp, validator, revocations, devices, store, new Sealer(config.store().key()),
                config.signIn().refreshGrace(), config.signIn().reportReuse(), patience, budget, Clock.systemUTC(),
                telemetry);
    }

    @Produces
    @Singleton
    SignInFlow signInFlow(AuthVitalConfig config, IdpClient idp, TokenValidator validator, Revocations revocations,
                          CookieWriter cookies, DeviceRecords devices, SessionStore store, TokenBudget budget) {
        return new SignInFlow(config, idp, validator, revocations, cookies, devices, store, budget,
                Clock.systemUTC());
    }

    /** This server's calls to the IdP's token endpoint, refreshes first: one account for the refresher and the callback. */
    @Produces
    @Singleton
    TokenBudget tokenBudget(AuthVitalConfig config) {
        return new TokenBudget(config.budget().tokenCallsPerMinute(), config.budget().exchangesPerAddress(),
                Clock.systemUTC());
    }

    @Produces
    @Singleton
    LogoutFlow logoutFlow(AuthVitalConfig config, IdpClient idp, CookieWriter cookies,
                          TokenExtractor tokens, SessionEnds ends) {
        return new LogoutFlow(config, idp::logout, cookies, tokens, ends);
    }

    /** The receiver of AuthVital's signed events, over the same keys, store and revocations as the tokens. */
    @Produces
    @Singleton
    EventReceiver eventReceiver(AuthVitalConfig config, TokenValidator validator, SessionStore store,
                                Revocations revocations, Telemetry telemetry) {
        return new EventReceiver(config.events(), config.idp().clientId(),
                new EventVerifier(validator::verifySignature, Clock.systemUTC(), config.events().maxAge()), store,
                revocations.access(), telemetry, Clock.systemUTC());
    }

    /**
     * {@code @Inject AuthVitalSessions}: the module's implementation, unless the application
     * selects an alternative of its own. Normal-scoped, so a session-scoped bean may hold it.
     */
    @Produces
    @ApplicationScoped
    AuthVitalSessions sessions(Authenticator authenticator, SessionEnds ends, IdpClient idp, DeviceRecords devices) {
        return new SessionsService(authenticator, ends, idp, devices);
    }

    /** {@code @Inject AuthVitalCookies}: the module's one cookie writer, for application code. */
    @Produces
    @ApplicationScoped
    AuthVitalCookies cookies(CookieWriter writer) {
        return new CookiesService(writer);
    }

    /** What this server records when sessions end, for the sessions service and the logout. */
    @Produces
    @Singleton
    SessionEnds sessionEnds(AuthVitalConfig config, TokenValidator validator, Revocations revocations) {
        return new SessionEnds(validator, revocations, config.idp().audiences(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    TokenValidator tokenValidator(AuthVitalConfig config, Revocations revocations, Telemetry telemetry) {
        return new TokenValidator(config, Clock.systemUTC(), revocations, telemetry);
    }

    /** What this server knows was revoked, spent or rotated: shared through the store. */
    @Produces
    @Singleton
    Revocations revocations(AuthVitalConfig config, SessionStore store, Telemetry telemetry) {
        return new Revocations(store, Clock.systemUTC(), config.tokens().clockSkew(), telemetry);
    }

    void close(@Disposes TokenValidator validator) {
        validator.close();
    }

    @Produces
    @Singleton
    IdpClient idpClient(AuthVitalConfig config, Telemetry telemetry) {
        return new IdpClient(config, telemetry);
    }

    void close(@Disposes IdpClient client) {
        client.close();
    }

    /** Who may call a {@code @RolesAllowed} bean method ({@link RolesAllowedInterceptor}). */
    @Produces
    @Singleton
    RoleGuard roleGuard(AuthVitalConfig config) {
        return new RoleGuard(config.jakartaSecurity());
    }

    /**
     * The user the filter found on this request; {@code null} on an anonymous request (a public
     * path, or the optional mode). Inject it into request-scoped beans only (JAX-RS resources are):
     * an application-scoped bean would keep the first request's user.
     */
    @Produces
    @Dependent
    @Typed(AuthVitalPrincipal.class) // not a JsonWebToken bean too: that one is never null (AuthVitalExtension)
    AuthVitalPrincipal currentUser(HttpServletRequest request) {
        return request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken token
                ? token.principal() : null;
    }
}
