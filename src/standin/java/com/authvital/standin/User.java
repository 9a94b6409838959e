package com.authvital.standin;

/**
 * A user of the stand-in IdP: what its access tokens say about the person.
 *
 * @param id         the {@code sub} of the user's tokens, a UUID unless a test chose another id
 * @param email      the {@code email} claim
 * @param givenName  the {@code given_name} claim
 * @param familyName the {@code family_name} claim
 * @param appRoles   the {@code app_roles} claim of every access token of the user; empty: the
 *                   tenant's default ({@code ["user"]}) on tenant sessions, none otherwise
 */
record User(String id, String email, String givenName, String familyName, java.util.List<String> appRoles) {

    User(String id, String email, String givenName, String familyName) {
        this(id, email, givenName, familyName, java.util.List.of());
    }

    /** A user with the defaults of {@code POST /dev/sessions}: {@code user-<first 8 chars>@example.test}. */
    static User withDefaults(String id, String email) {
        String shortId = id.length() > 8 ? id.substring(0, 8) : id;
        return new User(id, email != null ? email : "user-" + shortId + "@example.test", "Test", "User");
    }
}
