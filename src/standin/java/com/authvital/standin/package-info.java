/**
 * A stand-in for the AuthVital identity provider, for the tests and the demo of this module.
 *
 * <p>It answers the endpoints of {@code /work/shared/spec/authvital-contract.md} with the same
 * status codes and JSON as the real IdP (a NestJS backend), signs RS256 tokens with a key pair
 * made at start: sign-in at {@code GET /oauth/authorize} with its own page (a Demo User and a
 * Second User; {@code AuthorizeEndpoint} names the form's fields), code
 * exchange and refresh with rotation and reuse detection at {@code POST /oauth/token}, its rate
 * limits, the session endpoints, {@code POST /oauth/logout} and the browser logout
 * {@code GET /api/auth/logout/redirect}. Its "registered" redirect URIs are the loopback ones.
 *
 * <p>It adds a {@code /dev/*} API that the real IdP does not have: create sessions, inject faults
 * (slow or HTML answers; on the token endpoint a 429 or an outage too), read what the module sent,
 * set the access-token lifetime and the rate limits and clients ({@code /dev/settings},
 * {@code /dev/clients/{id}}), switch on {@code interaction_required}, count refreshes and family
 * revocations ({@code /dev/token-stats}), start the sign-in page's Demo User afresh
 * ({@code /dev/demo-users/reset}), and
 * for tests of local JWT validation: mint unusual tokens ({@code POST /dev/tokens}), rotate and
 * retire keys ({@code /dev/keys}), take the JWKS down ({@code /dev/jwks/fault}) and count
 * discovery fetches ({@code /dev/stats}). For receivers of AuthVital's events it sends their signed
 * webhooks to a registered loopback URL ({@code /dev/webhooks}) when its member controls
 * ({@code /dev/members/*}, {@code /dev/tenants/*}, {@code /dev/application/*}) or
 * {@code POST /dev/events} cause one, with a webhook key of its own in its JWKS, retries, and
 * duplicates, held events and tampered requests on demand ({@code DevWebhookEndpoints}).
 *
 * <pre>{@code
 * try (StandInIdp idp = StandInIdp.start(0)) {
 *     // POST idp.baseUrl() + "/dev/sessions" with {} to get a user, a session and its tokens
 * }
 * }</pre>
 *
 * <p>Beside it, {@link com.authvital.standin.StandInCollector} stands in for an OpenTelemetry
 * collector: it receives OTLP/HTTP metrics and traces and shows what it kept as JSON, as
 * Prometheus text and as {@link com.authvital.standin.CollectedPoint} and
 * {@link com.authvital.standin.CollectedSpan} values.
 *
 * <p>Only those four types are public; the rest is package-private.
 * It never prints or records a token.
 */
package com.authvital.standin;
