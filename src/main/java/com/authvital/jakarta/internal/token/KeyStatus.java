package com.authvital.jakarta.internal.token;

import java.time.Instant;

/**
 * What the readiness check {@code authvital-keys} shows of the IdP's signing keys, read from memory.
 *
 * @param fetched       whether a fetch ever succeeded: nothing validates before
 * @param lastSuccess   when the last successful fetch ended; null before the first
 * @param keys          how many usable keys the last successful fetch gave
 * @param lastFailureId the message id of the last failed fetch ({@code AV1207}); null when the last fetch succeeded
 * @param failures      failed fetches since the last successful one
 */
public record KeyStatus(boolean fetched, Instant lastSuccess, int keys, String lastFailureId, int failures) {
}
