package com.authvital.jakarta.it.roles;


import com.authvital.jakarta.it.roles.secured.FinalAdminService;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A final bean method that {@code @RolesAllowed} covers fails the deployment (AV0008) rather than stay open to anyone. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesAllowedFinalMethodIT {

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class) // Liberty: a DefinitionException; WildFly: a DeploymentException naming it
    static WebArchive deployment() {
        return Deployments.war("roles-final", Map.of(), FinalAdminService.class);
    }

    @Test
    void theDeploymentFailsNamingTheMethod() {
        ServerLog.lineWith("AV0008E: ", FinalAdminService.class.getName() + ".purge");
    }
}
