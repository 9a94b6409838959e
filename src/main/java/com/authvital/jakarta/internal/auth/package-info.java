/**
 * Who the caller is. {@link com.authvital.jakarta.internal.auth.Authenticator} decides and answers
 * one {@link com.authvital.jakarta.internal.auth.Verdict} (with {@code SilentRefresh} for the
 * refresh cookie, {@code StoreGate} for AV1503 and {@code ModulePaths} for the module's own paths);
 * the filter ({@link com.authvital.jakarta.internal.auth.FilterGuard}), the Jakarta Security
 * mechanism (with {@code LibertyCredentials}, what it tells Open Liberty beside the caller) and the
 * sessions service ({@code CallerTokens}) each map it in one switch, the cookies
 * and request attributes written by {@code VerdictEffects}, the answers to a request without a
 * user by {@code Challenges}; and {@code @RolesAllowed} on CDI beans.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.auth;
