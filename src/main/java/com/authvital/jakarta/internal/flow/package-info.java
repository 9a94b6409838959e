/**
 * The browser flows: sign-in (authorization code with PKCE, its flow cookie and callback) and logout.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.flow;
