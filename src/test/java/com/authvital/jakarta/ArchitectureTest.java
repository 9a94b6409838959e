package com.authvital.jakarta;

import com.authvital.jakarta.internal.auth.Authenticator;
import com.authvital.jakarta.internal.auth.FilterGuard;
import com.authvital.jakarta.internal.config.RoleMapping;
import com.authvital.jakarta.internal.events.EventReceiver;
import com.authvital.jakarta.internal.flow.LogoutFlow;
import com.authvital.jakarta.internal.flow.SignInFlow;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.UserAgentParser;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of the module, as {@code docs/decisions/0007-packages-by-concern.md} draws
 * it: each rule fails with the offending dependency named, so a change that blurs a concern is
 * seen in review rather than months later.
 */
class ArchitectureTest {

    private static final String API = "com.authvital.jakarta";
    private static final String INTERNAL = "com.authvital.jakarta.internal..";

    /** The module's own classes, without the tests. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    /**
     * The internal classes the public package may use: the implementations behind its entry
     * points (the filter, the sign-in, callback, logout and events servlets), the catalogue for its
     * exceptions' texts, and what its types read (the principal's role mapping, a session's
     * device). The services' implementations are reached through CDI, not from here.
     */
    private static final List<Class<?>> FACADES = List.of(Authenticator.class, FilterGuard.class,
            SignInFlow.class, LogoutFlow.class, EventReceiver.class, Messages.class, RoleMapping.class,
            UserAgentParser.class);

    @Test
    void theInternalPackagesHaveNoCycle() {
        slices().matching("com.authvital.jakarta.internal.(*)..").should().beFreeOfCycles().check(MODULE);
    }

    /**
     * Each concern uses only those below it: the catalogue nothing, the store and HTTP little,
     * the deciding packages what they decide with, the services and the JAX-RS mapper what they
     * serve, and only {@code cdi} wires everything.
     */
    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(API)
                .layer("message").definedBy("..internal.message..")
                .layer("telemetry").definedBy("..internal.telemetry..")
                .layer("http").definedBy("..internal.http..")
                .layer("config").definedBy("..internal.config..")
                .layer("store").definedBy("..internal.store..")
                .layer("idp").definedBy("..internal.idp..")
                .layer("token").definedBy("..internal.token..")
                .layer("session").definedBy("..internal.session..")
                .layer("auth").definedBy("..internal.auth..")
                .layer("flow").definedBy("..internal.flow..")
                .layer("service").definedBy("..internal.service..")
                .layer("jaxrs").definedBy("..internal.jaxrs..")
                .layer("health").definedBy("..internal.health..")
                .layer("events").definedBy("..internal.events..")
                .layer("cdi").definedBy("..internal.cdi..")
                .whereLayer("message").mayNotAccessAnyLayer()
                .whereLayer("telemetry").mayNotAccessAnyLayer()
                .whereLayer("http").mayOnlyAccessLayers("api", "message")
                .whereLayer("config").mayOnlyAccessLayers("api", "message", "http")
                .whereLayer("store").mayOnlyAccessLayers("api", "message", "config")
                .whereLayer("idp").mayOnlyAccessLayers("api", "message", "config", "http", "telemetry")
                .whereLayer("token").mayOnlyAccessLayers("api", "message", "http", "config", "idp", "store", "telemetry")
                .whereLayer("session").mayOnlyAccessLayers("api", "message", "config", "idp", "store", "token",
                        "telemetry")
                .whereLayer("auth").mayOnlyAccessLayers("api", "message", "config", "http", "idp", "store", "token",
                        "session")
                .whereLayer("flow").mayOnlyAccessLayers("api", "message", "config", "http", "idp", "store", "token",
                        "session")
                .whereLayer("service").mayOnlyAccessLayers("api", "message", "http", "idp", "session", "auth")
                .whereLayer("jaxrs").mayOnlyAccessLayers("api", "message", "config", "http")
                .whereLayer("health").mayOnlyAccessLayers("idp", "store", "token", "session")
                .whereLayer("events").mayOnlyAccessLayers("api", "message", "config", "store", "token", "session",
                        "telemetry")
                .whereLayer("cdi").mayOnlyAccessLayers("api", "message", "config", "http", "idp", "store", "token",
                        "session", "auth", "flow", "service", "jaxrs", "telemetry", "health", "events")
                .check(MODULE);
    }

    @Test
    void thePublicPackageReachesInternalOnlyThroughItsFacades() {
        classes().that().resideInAPackage(API).should().onlyDependOnClassesThat(
                resideOutsideOfPackage(INTERNAL).or(belongToAnyOf(FACADES.toArray(Class<?>[]::new)))
                        .or(nestedIn(FACADES)))
                .check(MODULE);
    }

    @Test
    void noInternalClassCallsAPublicService() {
        noClasses().that().resideInAPackage(INTERNAL).should().accessClassesThat()
                .belongToAnyOf(AuthVitalSessions.class, AuthVitalCookies.class)
                .check(MODULE);
    }

    @Test
    void theStoreKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("..internal.store..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.servlet..", "jakarta.ws.rs..", "..internal.http..")
                .check(MODULE);
    }

    @Test
    void tokensKnowNothingOfCookiesBeingWritten() {
        noClasses().that().resideInAPackage("..internal.token..").should().dependOnClassesThat()
                .belongToAnyOf(CookieWriter.class, AuthVitalCookies.class, jakarta.servlet.http.HttpServletResponse.class)
                .check(MODULE);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> nestedIn(List<Class<?>> owners) {
        return com.tngtech.archunit.base.DescribedPredicate.describe("nested in a facade",
                c -> c.getEnclosingClass().map(e -> owners.stream().anyMatch(e::isEquivalentTo)).orElse(false)
                        && resideInAPackage(INTERNAL).test(c));
    }
}
