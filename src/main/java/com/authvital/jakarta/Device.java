package com.authvital.jakarta;

/**
 * What a session's user agent says about the device, for a "manage your devices" page:
 * {@code Chrome 131 on Windows}. Parsed with the ua-parser project's rules; an unknown or missing
 * agent reads {@code "Unknown"}.
 *
 * @param browser      the browser family, e.g. {@code Chrome}, {@code Mobile Safari}
 * @param majorVersion its major version, e.g. {@code 131}, or {@code ""} when unknown
 * @param os           the operating system family, e.g. {@code Windows}, {@code iOS}
 * @param mobile       whether it is a phone or a tablet
 */
public record Device(String browser, String majorVersion, String os, boolean mobile) {

    /** The device of an agent that says nothing usable. */
    public static final Device UNKNOWN = new Device("Unknown", "", "Unknown", false);

    /** A short label, e.g. {@code "Chrome 131 on Windows"} or {@code "Unknown"}. */
    public String label() {
        if (this.equals(UNKNOWN)) {
            return "Unknown";
        }
        String name = majorVersion.isEmpty() ? browser : browser + " " + majorVersion;
        return os.equals("Unknown") ? name : name + " on " + os;
    }
}
