package com.authvital.jakarta.internal;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Says in plain words why a connection to the IdP failed, for messages that may reach an end
 * user's screen: "connection refused", not a Java class name.
 */
final class NetworkFailures {

    private NetworkFailures() {
    }

    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException
                    || t instanceof TimeoutException) {
                return "timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof IllegalStateException && t.getMessage() != null) {
                return t.getMessage(); // this module's own words, e.g. "answered 503"
            }
        }
        return "connection failed";
    }
}
