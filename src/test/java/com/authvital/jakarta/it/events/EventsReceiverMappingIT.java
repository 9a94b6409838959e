package com.authvital.jakarta.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AuthVitalEventsServlet;
import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInWebhooks;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The receiver mapped without {@code authvital.events.path}: as a {@code <servlet>} of
 * {@code web.xml} and from code ({@link EventsRegistration}), each answering as the receiver.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsReceiverMappingIT {

    @RegisterExtension
    static final OwnIdp idp = OwnIdp.listening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return idp.app("events-mapping", Map.of("authvital.application-id", StandInWebhooks.APPLICATION_ID))
                .addClass(EventsRegistration.class)
                .setWebXML(Deployments.webXml("""
                        <servlet>
                          <servlet-name>authvital-events-xml</servlet-name>
                          <servlet-class>%s</servlet-class>
                        </servlet>
                        <servlet-mapping>
                          <servlet-name>authvital-events-xml</servlet-name>
                          <url-pattern>/hooks/authvital</url-pattern>
                        </servlet-mapping>""".formatted(AuthVitalEventsServlet.class.getName())));
    }

    @ArquillianResource
    URL app;

    @ParameterizedTest
    @ValueSource(strings = {"hooks/authvital", "events-from-code"})
    void theReceiverAnswersAnUnsignedEventWith401AndItsId(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, answer.statusCode(), path);
        assertTrue(answer.body().contains("AV1601E"), path + ": " + answer.body());
    }
}
