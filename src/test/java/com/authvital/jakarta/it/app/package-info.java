/**
 * A small application the filter tests deploy behind {@link com.authvital.jakarta.AuthVitalFilter}:
 * {@code /api/me} tells who the request's user is through the plain servlet API and CDI,
 * {@code /api/health} is meant to be public, {@code /api/sessions} calls the sessions service,
 * {@code /filters} lists the filter's registrations; {@link com.authvital.jakarta.it.app.RegisterFilterListener}
 * maps the filter from code.
 */
package com.authvital.jakarta.it.app;
