package com.authvital.jakarta.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.FilterRegistrationsServlet;
import com.authvital.jakarta.it.app.RegisterFilterListener;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AuthVitalFilter.register from a ServletContextListener maps the filter, with its init-param sending browsers to the login URL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterByCodeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // No 'authvital.filter.url-patterns': the listener alone maps the filter.
        return Deployments.war("filter-by-code", Map.of(),
                RegisterFilterListener.class, WhoAmIServlet.class, CurrentUser.class, FilterRegistrationsServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void aBrowserNavigationWithoutATokenIsSentToTheLoginUrlInTheApplication() {
        HttpResponse<String> page = new TestHttp(app).get("api/me", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertTrue(page.statusCode() == 302 || page.statusCode() == 303, "status " + page.statusCode());
        String location = page.headers().firstValue("Location").orElseThrow();
        assertEquals(URI.create(app.toString()).resolve("login").getPath(),
                URI.create(app.toString()).resolve(location).getPath());
    }

    @Test
    void anApiCallWithoutATokenAnswers401Json() {
        HttpResponse<String> me = new TestHttp(app).get("api/me", "Accept", "application/json");

        assertEquals(401, me.statusCode(), me.body());
        assertEquals("Bearer realm=\"authvital\"", me.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(me.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("invalid_token", json(me).getString("error"));
        assertTrue(json(me).getString("message").contains("no access token"), me.body());
    }

    @Test
    void aValidTokenPassesWithItsUser() {
        NewSession user = idp.newUser();

        HttpResponse<String> me = new TestHttp(app).get("api/me",
                "Accept", "application/json", "Authorization", "Bearer " + user.accessToken());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(user.userId(), json(me).getString("cdiUser"));
    }

    @Test
    void aBrowserNavigationWithAValidCookieIsNotRedirected() {
        NewSession user = idp.newUser();

        HttpResponse<String> page = new TestHttp(app).get("api/me",
                "Accept", "text/html", "Cookie", "access_token=" + user.accessToken());

        assertEquals(200, page.statusCode(), page.body());
        assertEquals(user.userId(), json(page).getString("principal"));
    }

    @Test
    void theListenerMappedOneFilterUnderTheModulesName() {
        HttpResponse<String> filters = new TestHttp(app).get("filters");

        assertEquals(200, filters.statusCode(), filters.body());
        assertEquals(Json.createReader(new StringReader("""
                [{"name":"authvital","urlPatterns":["/api/*"]}]""")).readArray(),
                json(filters).getJsonArray("filters"));
    }
}
