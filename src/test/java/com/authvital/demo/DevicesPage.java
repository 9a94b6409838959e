package com.authvital.demo;

import com.authvital.testing.Deployments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The "Your devices" page in a real browser, read as a person reads it: by what is shown. */
final class DevicesPage {

    /** One row of the list, as shown. */
    record Row(String sessionId, String device, boolean thisDevice, String deviceKind, String ipAddress,
               String signedIn, String expires, String button) {
    }

    private final WebDriver driver;
    private final URL root;
    private final WebDriverWait wait;

    DevicesPage(WebDriver driver, URL root) {
        this.driver = driver;
        this.root = root;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100));
    }

    /** Drops every cookie the browser holds for the demo, on a page that runs no script. */
    DevicesPage withNoCookies() {
        driver.get(root + "style.css");
        driver.manage().deleteAllCookies();
        return this;
    }

    String title() {
        return driver.getTitle();
    }

    /** Opens the page at the application's root. */
    DevicesPage open() {
        driver.get(root.toString());
        return this;
    }

    /**
     * Signs in through the stand-in's sign-in page as a new Demo User (three devices, this
     * browser's the newest) and waits for the list.
     */
    DevicesPage signIn() {
        Deployments.standIn().resetDemoUser();
        driver.get(root + "login");
        return signInAtTheIdpAs("Sign in as Demo User").waitForDevices(3);
    }

    /** On the stand-in's sign-in page: clicks the button that signs in as this user. */
    DevicesPage signInAtTheIdpAs(String button) {
        wait.withMessage(() -> "waiting for the IdP's sign-in page; the browser shows: " + visibleText())
                .until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + button + "']")))
                .click();
        return this;
    }

    DevicesPage waitForDevices(int count) {
        wait.withMessage(() -> "waiting for " + count + " devices on the page; it shows: " + visibleText())
                .until(d -> shown("devices") && rowElements().size() == count && !busy());
        return this;
    }

    DevicesPage waitForSignedOut() {
        wait.withMessage(() -> "waiting for the signed-out view; the page shows: " + visibleText())
                .until(d -> shown("logged-out"));
        return this;
    }

    /** Waits at most {@code limit} for the signed-out view, the page left alone meanwhile. */
    DevicesPage waitForSignedOutWithin(Duration limit) {
        new WebDriverWait(driver, limit, Duration.ofMillis(100))
                .withMessage(() -> "waiting " + limit.toSeconds() + " s for the signed-out view; the page shows: "
                        + visibleText())
                .until(d -> shown("logged-out"));
        return this;
    }

    /**
     * On any page (the stand-in's controls too): waits until the element shows exactly this text,
     * through a page load (a form's post and redirect), when the element found may go stale.
     */
    DevicesPage waitForText(String testId, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "waiting for '" + text + "' in " + testId + "; the browser shows: " + visibleText())
                .until(d -> shown(testId) && text(testId).equals(text));
        return this;
    }

    DevicesPage waitForError() {
        wait.withMessage(() -> "waiting for an error message; the page shows: " + visibleText())
                .until(d -> shown("error"));
        return this;
    }

    List<Row> rows() {
        return rowElements().stream().map(tr -> {
            List<WebElement> badge = tr.findElements(testId("this-device"));
            WebElement kind = tr.findElement(testId("device-kind"));
            return new Row(tr.getDomAttribute("data-session-id"), tr.findElement(testId("device-label")).getText(),
                    !badge.isEmpty() && badge.get(0).isDisplayed(),
                    kind.isDisplayed() ? kind.getDomAttribute("aria-label") : null,
                    tr.findElement(testId("ip-address")).getText(), tr.findElement(testId("signed-in")).getText(),
                    tr.findElement(testId("expires")).getText(), tr.findElement(By.tagName("button")).getText());
        }).toList();
    }

    Row row(String device) {
        return rows().stream().filter(r -> r.device().equals(device)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + device + " in " + rows()));
    }

    Row thisDevice() {
        return rows().stream().filter(Row::thisDevice).findFirst()
                .orElseThrow(() -> new AssertionError("no row says 'This device': " + rows()));
    }

    /** Clicks the button of the row of this session. */
    void clickRowButton(String sessionId) {
        driver.findElement(By.cssSelector("[data-testid='device'][data-session-id='" + sessionId + "'] button"))
                .click();
    }

    void click(String testId) {
        wait.until(ExpectedConditions.elementToBeClickable(testId(testId))).click();
    }

    boolean shown(String testId) {
        List<WebElement> found = driver.findElements(testId(testId));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    String text(String testId) {
        return driver.findElement(testId(testId)).getText();
    }

    String attribute(String testId, String name) {
        return driver.findElement(testId(testId)).getDomAttribute(name);
    }

    /** Everything the page shows, as a person reads it. */
    String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The names of the cookies the browser holds for the demo. */
    Set<String> cookieNames() {
        return driver.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet());
    }

    String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        if (cookie == null) {
            throw new AssertionError("the browser has no '" + name + "' cookie; it has " + cookieNames());
        }
        return cookie.getValue();
    }

    /** {@code GET path} with fetch, from the page, with the browser's cookies: status and body. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String path) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
                        + ".then(r => r.text().then(body => done({status: r.status, body})))"
                        + ".catch(e => done({status: -1, body: String(e)}));",
                path);
        return (Map<String, Object>) answer;
    }

    /** Saves what the browser shows as a PNG. */
    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean busy() {
        return driver.findElement(testId("devices")).getDomAttribute("aria-busy") != null;
    }

    private List<WebElement> rowElements() {
        return driver.findElements(testId("device"));
    }

    private static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }
}
