/**
 * The wiring into the container: the CDI extension and producers, the servlet container initializer, and the check of the server's features.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.cdi;
