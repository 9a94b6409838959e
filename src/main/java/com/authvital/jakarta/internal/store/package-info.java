/**
 * Where the servers of an application keep what they share: the store interface, this server's in-memory table, and the JCache store with its mirror, watch and kept writes; nothing here knows HTTP.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.store;
