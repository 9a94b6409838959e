/**
 * The demo application: the "Complete Example" of the SDK's sessions page in Jakarta EE
 * ({@code GET /api/sessions}, {@code POST /api/sessions/{id}/revoke}, {@code POST /api/logout-all},
 * {@code POST /api/logout}), plus a sign-in for the stand-in IdP. Test code: it is never part of
 * the module's jar. {@link com.authvital.demo.DemoWar} builds its WAR.
 */
package com.authvital.demo;
