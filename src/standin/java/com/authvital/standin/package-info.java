/**
 * A stand-in for the AuthVital identity provider, for the tests and the demo of this module.
 *
 * <p>It answers the endpoints of {@code /work/shared/spec/authvital-contract.md} with the same
 * status codes and JSON as the real IdP (a NestJS backend), signs RS256 tokens with a key pair
 * made at start, and adds a {@code /dev/*} API that the real IdP does not have: create sessions,
 * inject faults (slow or HTML answers), read what the module sent, sign in a browser, and for
 * tests of local JWT validation: mint unusual tokens ({@code POST /dev/tokens}), rotate and
 * retire keys ({@code /dev/keys}), take the JWKS down ({@code /dev/jwks/fault}) and count
 * discovery fetches ({@code /dev/stats}).
 *
 * <pre>{@code
 * try (StandInIdp idp = StandInIdp.start(0)) {
 *     // POST idp.baseUrl() + "/dev/sessions" with {} to get a user, a session and its tokens
 * }
 * }</pre>
 *
 * <p>Only {@link com.authvital.standin.StandInIdp} is public; the rest is package-private.
 * It never prints or records a token.
 */
package com.authvital.standin;
