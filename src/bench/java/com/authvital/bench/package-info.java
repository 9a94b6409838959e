/**
 * The module's benchmarks, built and run only by the {@code bench} Maven profile, never by
 * {@code mvn verify}: they print figures and ratios, they assert nothing.
 *
 * <ul>
 * <li>{@link com.authvital.bench.JmhRunner}: JMH, token validation against a raw RS256
 *     verification ({@code mvn -Pbench package -Dbench.skip.liberty=true}).</li>
 * <li>{@link com.authvital.bench.LibertyBench}: on Open Liberty, the sessions service's
 *     {@code list()} against a raw HTTP call, and the load benchmark ({@code LoadBench}): the
 *     same servlet unprotected, behind the filter (its shared state in memory or on JCache),
 *     behind the module's Jakarta Security mechanism
 *     and behind Liberty's {@code mpJwt-2.1}, with
 *     one token and with many distinct tokens rotated
 *     ({@code mvn -Pbench package -Dbench.skip.jmh=true}).</li>
 * <li>{@link com.authvital.bench.LibertyBench} {@code --telemetry true}: the load benchmark on
 *     a server exporting its telemetry, the filter with the module's telemetry on against off
 *     ({@code mvn -Pbench package -Dbench.telemetry=true}, issue 20).</li>
 * </ul>
 */
package com.authvital.bench;
