/**
 * Container tests of how an application wires the module: by configuration, {@code web.xml} or code,
 * for the filter, the logout and the sign-in servlets; and a misconfigured deployment that fails.
 */
package com.authvital.jakarta.it.config;
