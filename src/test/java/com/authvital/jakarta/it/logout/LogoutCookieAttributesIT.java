package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The logout clears the cookies by the names and with exactly the Path, Domain, Secure and SameSite of 'authvital.cookie.*', so that a browser really drops them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutCookieAttributesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-cookie-attributes", Map.of(
                "authvital.logout.path", "/logout",
                "authvital.cookie.access-token-name", "av_at",
                "authvital.cookie.refresh-token-name", "av_rt",
                "authvital.cookie.path", "/app",
                "authvital.cookie.domain", "example.test",
                "authvital.cookie.same-site", "Strict",
                "authvital.cookie.secure", "true"));
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void theConfiguredCookiesAreClearedWithExactlyTheConfiguredAttributes() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = new TestHttp(app).post("logout", "Accept", "application/json",
                "Cookie", "av_at=" + user.accessToken() + "; av_rt=" + user.refreshToken());

        assertEquals(200, out.statusCode(), out.body());
        SetCookies.assertCleared(out, List.of("av_at", "av_rt"),
                "Path=/app; Domain=example.test; Secure; HttpOnly; SameSite=Strict");
        assertTrue(idp.isRevoked(user.sessionId()), "the refresh token is read from the configured cookie");
    }
}
