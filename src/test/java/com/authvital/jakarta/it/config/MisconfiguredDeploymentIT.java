package com.authvital.jakarta.it.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jakarta.enterprise.inject.spi.DefinitionException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A WAR with no 'authvital.host' and a malformed timeout fails to deploy, naming both keys at once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MisconfiguredDeploymentIT {

    /** The test server's log; Failsafe passes its path. */
    private static final Path SERVER_LOG = ServerLog.file();

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class) // Liberty: a DefinitionException; WildFly: a DeploymentException naming it
    static WebArchive deployment() {
        return Deployments.war("misconfigured", Map.of("authvital.host", " ", "authvital.read-timeout", "soon"));
    }

    @Test
    void theDeploymentFailsWithEveryProblemNamed() throws IOException {
        String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
        int failure = log.lastIndexOf("AV0001E: AuthVital is not configured right");

        assertTrue(failure >= 0, "the server log names the configuration failure");
        String report = log.substring(failure, Math.min(log.length(), failure + 1000));
        assertTrue(report.contains("'authvital.host' is missing"), report);
        assertTrue(report.contains("AUTHVITAL_HOST"), report);
        assertTrue(report.contains("'authvital.read-timeout' is not a timeout"), report);
    }
}
