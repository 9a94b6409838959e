package com.authvital.demo;

import com.authvital.testing.HeadlessChromium;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium for a test class (it takes seconds to start), quit after its last test;
 * each test starts its page with no cookies ({@link DevicesPage#withNoCookies()}).
 *
 * <pre>
 * &#64;RegisterExtension
 * static final OneBrowser browser = new OneBrowser();
 * </pre>
 */
final class OneBrowser implements BeforeAllCallback, AfterAllCallback {

    private HeadlessChromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = HeadlessChromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** The browser's driver, between the class's first and last test. */
    ChromeDriver driver() {
        return chromium.driver();
    }
}
