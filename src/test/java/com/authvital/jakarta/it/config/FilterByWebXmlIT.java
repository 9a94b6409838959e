package com.authvital.jakarta.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.FilterRegistrationsServlet;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A web.xml {@code <filter>} of AuthVitalFilter is the only one mapped, and its init-params override MicroProfile Config. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterByWebXmlIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Config asks for a required filter mapped by the module; web.xml must win on both counts.
        return Deployments.war("filter-by-web-xml", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.filter.mode", "required"),
                        WhoAmIServlet.class, CurrentUser.class, FilterRegistrationsServlet.class)
                .setWebXML(Deployments.webXml("""
                        <filter>
                          <filter-name>authvital-from-web-xml</filter-name>
                          <filter-class>com.authvital.jakarta.AuthVitalFilter</filter-class>
                          <async-supported>true</async-supported>
                          <init-param><param-name>mode</param-name><param-value>optional</param-value></init-param>
                          <init-param><param-name>public-paths</param-name><param-value>/api/health</param-value></init-param>
                        </filter>
                        <filter-mapping>
                          <filter-name>authvital-from-web-xml</filter-name>
                          <url-pattern>/api/*</url-pattern>
                        </filter-mapping>"""));
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void anAnonymousRequestPassesBecauseTheInitParamMakesTheFilterOptional() {
        HttpResponse<String> me = new TestHttp(app).get("api/me");

        // A filter in the configured 'required' mode would have answered 401.
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("none", json(me).getString("principal"));
        assertEquals("anonymous", json(me).getString("cdiUser"));
    }

    @Test
    void aValidTokenExposesItsUser() {
        NewSession user = idp.newUser();

        HttpResponse<String> me = new TestHttp(app).get("api/me", "Authorization", "Bearer " + user.accessToken());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(user.userId(), json(me).getString("remoteUser"));
        assertEquals(user.userId(), json(me).getString("cdiUser"));
        assertEquals("Bearer", json(me).getString("authType"));
    }

    @Test
    void anInvalidTokenInTheOptionalModePassesAnonymously() {
        String expired = idp.mint(Map.of("claims", Map.of("exp", Instant.now().getEpochSecond() - 3600)));

        HttpResponse<String> me = new TestHttp(app).get("api/me", "Authorization", "Bearer " + expired);

        assertEquals(200, me.statusCode(), me.body());
        assertEquals("none", json(me).getString("principal"));
        assertEquals("null", json(me).getString("remoteUser"));
    }

    @Test
    void theInitParamsPublicPathPassesWithoutAUserEvenWithAValidToken() {
        NewSession user = idp.newUser();

        HttpResponse<String> health = new TestHttp(app).get("api/health", "Authorization", "Bearer " + user.accessToken());

        // The filter does not look at tokens on a public path: no user, though the token is valid.
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("none", json(health).getString("principal"));
    }

    @Test
    void theModuleDoesNotMapASecondFilterBesideTheWebXmlOne() {
        HttpResponse<String> filters = new TestHttp(app).get("filters");

        assertEquals(200, filters.statusCode(), filters.body());
        assertEquals(Json.createReader(new StringReader("""
                [{"name":"authvital-from-web-xml","urlPatterns":["/api/*"]}]""")).readArray(),
                json(filters).getJsonArray("filters"));
    }
}
