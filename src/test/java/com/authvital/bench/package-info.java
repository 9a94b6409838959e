/**
 * The module's benchmarks, built and run only by the {@code bench} Maven profile, never by
 * {@code mvn verify}: they print figures and ratios, they assert nothing.
 *
 * <ul>
 * <li>{@link com.authvital.bench.JmhRunner}: JMH, token validation against a raw RS256
 *     verification ({@code mvn -Pbench package -Dbench.skip.liberty=true}).</li>
 * </ul>
 */
package com.authvital.bench;
