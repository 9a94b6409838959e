package com.authvital.demo;

/**
 * The demo's cookie clearing, with the attributes the stand-in's sign-in sets them with
 * ({@code Path=/; HttpOnly; SameSite=Lax}): a browser drops a cookie only when name, path and
 * domain match.
 */
final class DemoCookies {

    private DemoCookies() {
    }

    static String cleared(String name) {
        return name + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
    }
}
