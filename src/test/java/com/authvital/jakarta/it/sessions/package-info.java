/**
 * Container tests of the sessions service: list, revoke, revoke all, sign out other devices,
 * session ids as one path segment, a cross-site change, and a revocation that bites at once on this server.
 */
package com.authvital.jakarta.it.sessions;
