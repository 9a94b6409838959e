/**
 * The demo application: the "Complete Example" of the SDK's sessions page in Jakarta EE
 * ({@code GET /api/sessions}, {@code POST /api/sessions/{id}/revoke}, {@code POST /api/logout-all},
 * {@code POST /api/logout}), plus a sign-in for the stand-in IdP. Never part of the module's jar:
 * Maven builds it into a WAR of its own, {@code target/demo/authvital-demo.war}, from this source
 * root, {@code src/demo/resources} (its {@code microprofile-config.properties}) and
 * {@code src/demo/webapp} (the "Your devices" page), with the module's jar in {@code WEB-INF/lib}.
 */
package com.authvital.demo;
