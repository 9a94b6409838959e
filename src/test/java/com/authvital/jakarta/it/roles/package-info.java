/**
 * Container tests of roles: {@code @RolesAllowed} on CDI beans whatever the wiring (filter, mechanism,
 * both, an application's own mechanism, none) and Jakarta Security on and off; {@code RoleCalls} is
 * what they send, {@code …roles.secured} the classes their WARs hold.
 */
package com.authvital.jakarta.it.roles;
