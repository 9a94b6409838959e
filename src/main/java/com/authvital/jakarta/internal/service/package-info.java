/**
 * The implementations of the public services, {@code AuthVitalSessions} and {@code AuthVitalCookies}, over the session, IdP and cookie parts; the CDI producers hand them out.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.service;
