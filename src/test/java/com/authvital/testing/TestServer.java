package com.authvital.testing;

/**
 * Which server the container tests run on: Failsafe's {@code liberty} and {@code wildfly}
 * executions set {@code test.server}. For the few answers that are the server's own, before or
 * around the module (docs/wildfly.md, "What differs"); the module's answers are the same on both.
 */
public final class TestServer {

    private TestServer() {
    }

    /** Whether the tests run on WildFly. */
    public static boolean wildFly() {
        return "wildfly".equals(System.getProperty("test.server"));
    }
}
