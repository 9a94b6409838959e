/**
 * AuthVital's events: the signed webhooks its broker sends an application after it changed
 * something (a member suspended, access to the application revoked, a role changed). Here they are
 * checked before anything acts on them: the signature over the exact bytes received, by a key of
 * the IdP's JWKS named by the request, and for per-application events a timestamp within a window.
 *
 * <pre>{@code
 * EventVerifier verifier = new EventVerifier(validator::verifySignature, clock, Duration.ofSeconds(300));
 * VerifiedEvent event = verifier.verify(EventChannel.SYNC, request::getHeader, rawBody);
 * }</pre>
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.events;
