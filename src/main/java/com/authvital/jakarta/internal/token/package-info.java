/**
 * Access and refresh tokens: extraction from the request, validation against the IdP's keys (JWKS cache, verifiers), the validated-token cache and the keys revocations name them by.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.token;
