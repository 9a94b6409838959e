/**
 * The life of a session after sign-in: refreshes with rotation and reuse detection, revocations, device records and the sealing of what the servers share.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.session;
