/**
 * What the module tells an operator's telemetry: counters, histograms, gauges and client spans
 * through the OpenTelemetry API when the server provides it (MicroProfile Telemetry), nothing
 * otherwise. The rest of the module sees only {@link com.authvital.jakarta.internal.telemetry.Telemetry},
 * which names no OpenTelemetry type, so an application deploys and works without it.
 *
 * <pre>{@code
 * Telemetry.Call call = telemetry.idpCall(Telemetry.Endpoint.TOKEN);
 * try {
 *     ... the request ...
 *     call.end(200, null);
 * } catch (AuthVitalException e) {
 *     call.end(e.getIdpStatus().orElse(0), Telemetry.messageId(e.getMessage()));
 * }
 * }</pre>
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.telemetry;
