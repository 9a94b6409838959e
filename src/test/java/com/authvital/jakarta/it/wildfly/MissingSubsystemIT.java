package com.authvital.jakarta.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR that WildFly gives no MicroProfile REST Client (its jboss-deployment-structure.xml leaves
 * out the jaxrs subsystem) fails to deploy with AV0001 naming that subsystem, not a Liberty
 * feature. WildFly only: a Liberty application cannot leave out a feature the server has.
 */
@Tag("wildfly-only")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingSubsystemIT {

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class) // WildFly: a DeploymentException naming the module's
    static WebArchive deployment() {
        return Deployments.war("missing-subsystem", Map.of()).addAsWebInfResource(new StringAsset("""
                <jboss-deployment-structure>
                  <deployment>
                    <exclude-subsystems>
                      <subsystem name="jaxrs"/>
                    </exclude-subsystems>
                  </deployment>
                </jboss-deployment-structure>
                """), "jboss-deployment-structure.xml");
    }

    @Test
    void theDeploymentFailsNamingTheWildFlySubsystem() throws IOException {
        String log = Files.readString(ServerLog.file(), StandardCharsets.UTF_8);
        int failure = log.lastIndexOf("AV0001E: AuthVital is not configured right");

        assertTrue(failure >= 0, "the server log names the failure");
        String report = log.substring(failure, Math.min(log.length(), failure + 1500));
        assertTrue(report.contains("the server lacks the subsystem 'jaxrs' (the application does not see "
                + "org.eclipse.microprofile.rest.client.RestClientBuilder)"), report);
        assertFalse(report.contains("featureManager"), report);
    }
}
