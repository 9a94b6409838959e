/**
 * The module's MicroProfile Health readiness checks: {@code authvital-keys} (DOWN until the IdP's
 * signing keys were fetched once), {@code authvital-store} (DOWN while the shared store cannot be
 * reached) and {@code authvital-idp-budget} (always UP, its data the token calls of the last
 * minute). Never liveness: a restart brings neither the IdP nor the cache back. Each reads what
 * the module already knows, in memory; no check calls the IdP or the cache. Only loaded when the
 * server has MicroProfile Health ({@link com.authvital.jakarta.internal.health.ReadinessChecks}).
 *
 * <pre>{@code
 * GET /health/ready
 * {"status":"UP","checks":[{"name":"authvital-keys","status":"UP","data":{"keys":1,...}}, ...]}
 * }</pre>
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.health;
