package com.authvital.jakarta.it.config;

import static com.authvital.testing.SignInBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.jakarta.it.app.SignInRegistration;
import com.authvital.testing.Deployments;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sign-in and the callback mapped the two ways besides configuration: as servlets in
 * {@code web.xml}, and from code with {@code register}; each signs a browser in end to end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInWiringIT {

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>signin</servlet-name>
                <servlet-class>com.authvital.jakarta.AuthVitalSignInServlet</servlet-class>
              </servlet>
              <servlet>
                <servlet-name>callback</servlet-name>
                <servlet-class>com.authvital.jakarta.AuthVitalCallbackServlet</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>signin</servlet-name>
                <url-pattern>/sign-in</url-pattern>
              </servlet-mapping>
              <servlet-mapping>
                <servlet-name>callback</servlet-name>
                <url-pattern>/oidc/callback</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    @Deployment(name = "web-xml", testable = false)
    static WebArchive byWebXml() {
        return Deployments.war("signin-web-xml", Map.of(
                        "authvital.signin.callback-path", "/oidc/callback",
                        "authvital.cookie.secure", "false"))
                .setWebXML(new StringAsset(WEB_XML));
    }

    @Deployment(name = "code", testable = false)
    static WebArchive byCode() {
        return Deployments.war("signin-by-code", Map.of(
                        "authvital.signin.callback-path", "/auth/back",
                        "authvital.cookie.secure", "false"),
                SignInRegistration.class);
    }

    /** By configuration, behind a filter over everything: the sign-in and callback pass it, or they would loop. */
    @Deployment(name = "everywhere", testable = false)
    static WebArchive behindAFilterOverEverything() {
        return Deployments.war("signin-filter-everywhere", Map.of(
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.filter.url-patterns", "/*",
                        "authvital.cookie.secure", "false"));
    }

    private final StandInClient idp = Deployments.standIn();

    @BeforeEach
    void noTokenRateLimit() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 0).build());
    }

    @AfterEach
    void contractLimitAgain() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 30).build());
        idp.resetRateLimits();
    }

    /** Through the sign-in at {@code signIn} and the stand-in's form, back to the callback at {@code callback}. */
    private static void signsIn(URL app, String signIn, String callback) {
        SignInBrowser browser = new SignInBrowser();
        HttpResponse<String> start = browser.get(app + signIn);
        assertEquals(302, start.statusCode(), start.body());
        String redirectUri = SignInBrowser.query(URI.create(location(start))).get("redirect_uri");
        assertEquals(app.getPath() + callback, URI.create(redirectUri).getPath());

        HttpResponse<String> back = browser.get(location(browser.decide(location(start), "demo")));

        assertEquals(303, back.statusCode(), back.body());
        assertEquals(app.toString(), location(back));
        assertEquals(true, browser.cookie(app.toString(), "access_token").isPresent());
    }

    @Test
    void mappedInWebXml(@ArquillianResource @OperateOnDeployment("web-xml") URL app) {
        signsIn(app, "sign-in", "oidc/callback");
    }

    @Test
    void behindAFilterOverEverythingTheSignInAndCallbackPassIt(
            @ArquillianResource @OperateOnDeployment("everywhere") URL app) {
        signsIn(app, "login", "callback");
    }

    @Test
    void mappedFromCode(@ArquillianResource @OperateOnDeployment("code") URL app) {
        signsIn(app, "auth/start", "auth/back");
    }
}
