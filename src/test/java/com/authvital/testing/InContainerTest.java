package com.authvital.testing;

import com.authvital.jakarta.AuthVitalSessions;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every in-container test of the sessions service starts from: the injected service, the
 * request the test runs in (to build callers' requests on, see {@link Requests}) and a client of
 * the stand-in IdP the deployment is configured with.
 */
public abstract class InContainerTest {

    @Inject
    protected AuthVitalSessions sessions;

    @Inject
    protected HttpServletRequest current;

    // The test class is also instantiated on the client, where there is no deployment config.
    protected StandInClient idp;

    @BeforeEach
    void connectToTheStandIn() {
        idp = StandInClient.fromConfig();
    }
}
