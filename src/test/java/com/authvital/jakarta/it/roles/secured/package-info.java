/**
 * The classes of the Jakarta Security and {@code @RolesAllowed} tests' WARs: resources, servlets and CDI
 * beans under roles, and an application mechanism of its own ({@code HeaderMechanism}).
 */
package com.authvital.jakarta.it.roles.secured;
