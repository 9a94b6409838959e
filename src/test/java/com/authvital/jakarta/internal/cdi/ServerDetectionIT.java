package com.authvital.jakarta.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside each server the module knows which one it runs on, by its application class loader, so
 * that AV0001 names a missing API as that server does (a Liberty feature, a WildFly subsystem).
 * In the package of {@link ServerFeatures}: the WAR's classes and its libraries share a loader.
 */
@ExtendWith(ArquillianExtension.class)
class ServerDetectionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("server-detection");
    }

    @Test
    void theModuleKnowsTheServerItRunsOn() {
        // WildFly's launcher sets jboss.home.dir; Open Liberty's does not.
        ServerFeatures.Server running = System.getProperty("jboss.home.dir") != null
                ? ServerFeatures.Server.WILDFLY : ServerFeatures.Server.LIBERTY;

        assertEquals(running, ServerFeatures.Server.of(AuthVitalExtension.class.getClassLoader()));
    }
}
