package com.authvital.jakarta.internal.events;

/**
 * AuthVital's two signed webhook channels (authvital-events.md §3.2, §3.6): their headers and what
 * their signature covers.
 */
public enum EventChannel {

    /**
     * Per-application sync events: {@code X-AuthVital-*} headers, the signature over the timestamp,
     * a dot and the body, the timestamp unix seconds fresh for each attempt, an event id.
     */
    SYNC("X-AuthVital-Signature", "X-AuthVital-Key-Id", "X-AuthVital-Timestamp"),
    /**
     * Instance-wide system webhooks: {@code X-Webhook-*} headers, the signature over the body
     * alone, no event id, a timestamp that is not signed and not refreshed on retries.
     */
    SYSTEM("X-Webhook-Signature", "X-Webhook-Key-Id", null);

    final String signatureHeader;
    final String keyIdHeader;
    /** The header whose value is signed with the body; null when only the body is. */
    final String timestampHeader;

    EventChannel(String signatureHeader, String keyIdHeader, String timestampHeader) {
        this.signatureHeader = signatureHeader;
        this.keyIdHeader = keyIdHeader;
        this.timestampHeader = timestampHeader;
    }
}
