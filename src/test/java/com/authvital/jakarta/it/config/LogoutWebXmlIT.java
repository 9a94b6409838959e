package com.authvital.jakarta.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The logout servlet mapped as a <servlet> in web.xml takes its init-params over MicroProfile Config, and that mapping replaces the one of 'authvital.logout.path'. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutWebXmlIT {

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0">
              <servlet>
                <servlet-name>logout</servlet-name>
                <servlet-class>com.authvital.jakarta.AuthVitalLogoutServlet</servlet-class>
                <init-param>
                  <param-name>redirect</param-name>
                  <param-value>/from-web-xml</param-value>
                </init-param>
              </servlet>
              <servlet-mapping>
                <servlet-name>logout</servlet-name>
                <url-pattern>/bye</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-web-xml", Map.of(
                        "authvital.logout.path", "/logout",
                        "authvital.logout.redirect", "/from-config",
                        "authvital.cookie.secure", "false"))
                .setWebXML(new StringAsset(WEB_XML));
    }

    @ArquillianResource
    URL app;

    @Test
    void theInitParamOverridesTheConfiguredRedirect() {
        HttpResponse<String> out = new TestHttp(app).post("bye");

        assertEquals(303, out.statusCode(), out.body());
        assertEquals(List.of(app.getPath() + "from-web-xml"), out.headers().allValues("Location"));
        SetCookies.assertBothCleared(out, "Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void theModuleMapsNoSecondLogoutServletAtTheConfiguredPath() {
        HttpResponse<String> out = new TestHttp(app).post("logout");

        // Nothing is mapped there: the container's own refusal, 404 on Open Liberty, 405 on WildFly
        // (Undertow's default servlet takes the path and refuses a POST); no cookie is cleared.
        assertTrue(out.statusCode() == 404 || out.statusCode() == 405, out.statusCode() + " " + out.body());
        assertEquals(List.of(), out.headers().allValues("Set-Cookie"));
    }
}
