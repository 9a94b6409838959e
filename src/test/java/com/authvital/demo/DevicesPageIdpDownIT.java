package com.authvital.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient.NewSession;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * The "Your devices" page when its IdP cannot be reached (the demo WAR pointed at a closed port):
 * a readable message in place of the list, never a stack trace or an HTML error page, and
 * "Log out" still clears this browser's cookies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DevicesPageIdpDownIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("authvital-demo-idp-down", "http://127.0.0.1:" + Deployments.closedPort());
    }

    @ArquillianResource
    URL demo;

    @RegisterExtension
    static final OneBrowser browser = new OneBrowser();
    private DevicesPage page;

    @BeforeEach
    void signInWithTokensTheDeadIdpCannotCheck() {
        page = new DevicesPage(browser.driver(), demo).withNoCookies();
        // The demo's sign-in needs the IdP, so the tokens come from the live stand-in, set as
        // the cookies the sign-in would have set (the module's defaults: Path=/, HttpOnly, Lax).
        NewSession user = Deployments.standIn().newUser();
        page.open().waitForSignedOut();
        browser.driver().manage().addCookie(new Cookie.Builder("access_token", user.accessToken())
                .path("/").isHttpOnly(true).sameSite("Lax").build());
        browser.driver().manage().addCookie(new Cookie.Builder("refresh_token", user.refreshToken())
                .path("/").isHttpOnly(true).sameSite("Lax").build());
    }

    @Test
    void theDevicesListSaysTheIdpCouldNotBeReachedInPlainWords() {
        page.open().waitForError();

        assertEquals("The sign-in service is unavailable right now.", page.text("error-title"));
        String message = page.text("error-message");
        assertTrue(message.contains("could not be reached"), message);
        // No stack trace, no error page, no Java class name.
        String shown = page.visibleText();
        for (String raw : List.of("<html", "<body", "\tat ", ".java:", "Stack", "Error 50", "Exception")) {
            assertFalse(shown.contains(raw), "the page shows raw '" + raw + "': " + shown);
        }
        assertFalse(page.shown("devices"));
        assertFalse(page.shown("loading"));
        assertTrue(page.shown("retry"));
        assertTrue(page.shown("log-out"), "log out stays at hand when the list cannot be had");
        page.screenshot(Path.of("target", "screenshots", "devices-page-idp-down.png"));
    }

    @Test
    void loggingOutWhileTheIdpIsDownStillClearsThisBrowsersCookies() {
        page.open().waitForError();

        page.click("log-out");
        page.waitForSignedOut();

        assertTrue(page.text("notice").contains("could not be reached"), page.text("notice"));
        assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
        assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());
        assertTrue(page.shown("sign-in"));
    }
}
