/**
 * Who the caller is: the authenticator that decides, the filter's and the Jakarta Security mechanism's mapping of its verdict, the answers to an anonymous request, and @RolesAllowed on CDI beans.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.auth;
