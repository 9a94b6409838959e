/**
 * Small applications the container tests deploy. Behind {@link com.authvital.jakarta.AuthVitalFilter}:
 * {@code /api/me} tells who the request's user is through the plain servlet API and CDI,
 * {@code /api/health} is meant to be public, {@code /api/sessions} calls the sessions service,
 * {@code /api/logout-all} lists (GET) or revokes (any other method) through it,
 * {@code /filters} lists the filter's registrations; {@link com.authvital.jakarta.it.app.RegisterFilterListener}
 * maps the filter from code. Beside {@link com.authvital.jakarta.AuthVitalLogoutServlet}:
 * {@code /session} holds an {@code HttpSession} to see the logout end it, a listener maps the
 * servlet from code, and {@code /clear-cookies} clears the token cookies from an application's
 * own servlet. {@link com.authvital.jakarta.it.app.PathsApplication} is a JAX-RS application with a
 * protected resource tree ({@code /api/admin}) and one public resource per kind of public pattern.
 */
package com.authvital.jakarta.it.app;
