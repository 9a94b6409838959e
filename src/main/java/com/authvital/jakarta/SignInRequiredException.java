package com.authvital.jakarta;

import java.util.List;

/**
 * The IdP will not refresh the user's tokens until the user comes through its sign-in again
 * ({@code 401 interaction_required}, for instance when the tenant now requires MFA). Nothing is
 * revoked: send a browser to the application's sign-in; an API client must ask its user to
 * sign in again. {@link #getStatus()} is 401.
 */
public class SignInRequiredException extends NotAuthenticatedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param idpMessages the IdP's {@code error_description}, possibly empty
     * @param message     what happened and what to do
     */
    public SignInRequiredException(List<String> idpMessages, String message) {
        super(401, idpMessages, message);
    }
}
