package com.authvital.jakarta.internal.http;

import java.util.Optional;

/**
 * The attributes of the {@code access_token} and {@code refresh_token} cookies, from
 * {@code authvital.cookie.*} (read by {@code CookieConfig}). A browser replaces or drops a cookie only when name, path and domain
 * match, so the same settings serve for writing and for clearing.
 *
 * @param accessTokenName  the access token cookie's name
 * @param refreshTokenName the refresh token cookie's name
 * @param path             {@code Path}, default {@code /}
 * @param domain           {@code Domain}, empty for host-only cookies
 * @param secure           {@code Secure}, default true
 * @param sameSite         {@code Strict}, {@code Lax} or {@code None}
 */
public record CookieSettings(String accessTokenName, String refreshTokenName, String path,
                             Optional<String> domain, boolean secure, String sameSite) {
}
