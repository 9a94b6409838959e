/**
 * Container tests of the logout servlet and of clearing the token cookies: what is revoked at the
 * IdP, the cookies' attributes, its options, a cross-site logout, an IdP that is down, a flood of junk logouts.
 */
package com.authvital.jakarta.it.logout;
