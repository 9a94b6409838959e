package com.authvital.standin;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One stand-in for a whole test class, client id {@code test-app}, started before its first test
 * and closed after its last; its {@code @Nested} classes share it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningStandIn standIn = new RunningStandIn();
 * ...
 * standIn.http().send("GET", "/.well-known/jwks.json", null);
 * }</pre>
 */
final class RunningStandIn implements BeforeAllCallback, AfterAllCallback {

    private StandInIdp idp;
    private IdpHttp http;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (idp == null) { // a @Nested class's callback comes after its outer class's
            idp = StandInIdp.start(0, "test-app");
            http = new IdpHttp(idp);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().getEnclosingClass() == null && idp != null) {
            idp.close();
            idp = null;
        }
    }

    StandInIdp idp() {
        return idp;
    }

    IdpHttp http() {
        return http;
    }
}
