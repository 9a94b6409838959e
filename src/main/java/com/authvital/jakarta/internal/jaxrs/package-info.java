/**
 * The JAX-RS side of the module: a feature found in the application's WAR that registers the answer to the module's exceptions (their status and a JSON body), unless 'authvital.jaxrs.exception-mapper' is false; only JAX-RS loads it.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.jaxrs;
