package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserAgentParserTest {

    @Test
    void readsChromeOnWindows() {
        Device d = UserAgentParser.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36");
        assertEquals(new Device("Chrome", "131", "Windows", false), d);
        assertEquals("Chrome 131 on Windows", d.label());
    }

    @Test
    void readsSafariOnAnIphoneAsMobile() {
        Device d = UserAgentParser.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1");
        assertEquals("Mobile Safari", d.browser());
        assertEquals("18", d.majorVersion());
        assertEquals("iOS", d.os());
        assertEquals(true, d.mobile());
    }

    @Test
    void readsFirefoxOnLinux() {
        Device d = UserAgentParser.of("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        assertEquals(new Device("Firefox", "133", "Linux", false), d);
    }

    @Test
    void readsChromeOnAndroidAsMobile() {
        Device d = UserAgentParser.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36");
        assertEquals("Android", d.os());
        assertEquals(true, d.mobile());
    }

    @Test
    void anUnknownOrMissingAgentReadsUnknown() {
        assertEquals(Device.UNKNOWN, UserAgentParser.of(null));
        assertEquals(Device.UNKNOWN, UserAgentParser.of(""));
        assertEquals(Device.UNKNOWN, UserAgentParser.of("definitely not a browser"));
        assertEquals("Unknown", UserAgentParser.of(null).label());
    }
}
