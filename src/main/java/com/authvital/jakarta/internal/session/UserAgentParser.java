package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.Device;
import java.util.Set;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Reads a {@link Device} from a {@code User-Agent} with uap-java and the uap-core rules. The
 * parser loads its rules once, on first use (a fraction of a second), and is safe to share.
 */
public final class UserAgentParser {

    /** Operating systems of phones and tablets, as uap-core names them. */
    private static final Set<String> MOBILE_OS = Set.of("iOS", "iPadOS", "Android", "Windows Phone",
            "BlackBerry OS", "KaiOS", "Firefox OS", "HarmonyOS", "Tizen", "Symbian OS");
    private static final Set<String> MOBILE_DEVICES = Set.of("iPhone", "iPad", "iPod", "Generic Smartphone",
            "Generic Tablet", "Generic Feature Phone");
    /** Longer agents are not parsed: no browser sends one, and the rules' cost grows with length. */
    private static final int MAX_AGENT = 1024;

    private UserAgentParser() {
    }

    /** Holds the parser: built when a device is first asked for, not when the module loads. */
    private static final class Rules {
        static final Parser PARSER = new Parser();
    }

    /** The device of {@code userAgent}; {@link Device#UNKNOWN} for null, blank or unrecognised. */
    public static Device of(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || userAgent.length() > MAX_AGENT) {
            return Device.UNKNOWN;
        }
        Client client = Rules.PARSER.parse(userAgent);
        String browser = known(client.userAgent.family);
        String os = known(client.os.family);
        if (browser.equals("Unknown") && os.equals("Unknown")) {
            return Device.UNKNOWN;
        }
        String major = client.userAgent.major == null || browser.equals("Unknown") ? "" : client.userAgent.major;
        boolean mobile = MOBILE_OS.contains(os) || MOBILE_DEVICES.contains(client.device.family);
        return new Device(browser, major, os, mobile);
    }

    private static String known(String family) {
        return family == null || family.isBlank() || family.equals("Other") ? "Unknown" : family;
    }
}
