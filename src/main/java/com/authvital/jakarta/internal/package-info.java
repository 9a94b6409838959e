/**
 * The module's implementation: configuration, token extraction, the REST client to the IdP and
 * the translation of its answers into {@link com.authvital.jakarta.AuthVitalException}s.
 * Nothing here is API; it may change in any release.
 */
package com.authvital.jakarta.internal;
