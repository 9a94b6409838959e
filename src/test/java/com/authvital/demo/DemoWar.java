package com.authvital.demo;

import com.authvital.testing.Deployments;
import java.io.File;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the demo WAR with the tests' own deployment factory, so the demo runs the module
 * exactly as the tests do. {@code java DemoWar <war file> <idp base url> <client id>}.
 */
public final class DemoWar {

    private DemoWar() {
    }

    /** The files of the "Your devices" page, served at the application's root. */
    private static final String[] PAGE = {"index.html", "devices.js", "style.css"};

    /** The demo WAR, pointed at this IdP unless {@code AUTHVITAL_HOST} overrides it at run time. */
    public static WebArchive build(String idpBaseUrl, String clientId) {
        return build("authvital-demo", idpBaseUrl, clientId);
    }

    /** The demo WAR under another name (and so context root), for a second deployment beside it. */
    public static WebArchive build(String name, String idpBaseUrl, String clientId) {
        Map<String, String> config = Map.of(
                "authvital.host", idpBaseUrl,
                "authvital.client-id", clientId,
                // The filter guards the API; logging out needs only the refresh token.
                "authvital.filter.url-patterns", "/api/*",
                "authvital.filter.public-paths", "/api/logout",
                "authvital.logout.path", "/api/logout",
                // The demo runs on http://127.0.0.1: a Secure cookie would never come back.
                "authvital.cookie.secure", "false");
        WebArchive war = Deployments.app(name, config,
                DemoApplication.class, SessionsResource.class, SessionsResource.DeviceView.class,
                SessionsResource.SessionsView.class, AuthVitalErrors.class, SignInServlet.class);
        for (String file : PAGE) {
            war.addAsWebResource(DemoWar.class.getResource("/demo/" + file), file);
        }
        return war;
    }

    public static void main(String[] args) {
        File war = new File(args[0]);
        war.getParentFile().mkdirs();
        build(args[1], args[2]).as(ZipExporter.class).exportTo(war, true);
        System.out.println("Demo WAR written to " + war);
    }
}
