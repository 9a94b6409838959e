package com.authvital.jakarta;

import java.util.List;

/**
 * The caller is not authenticated: the request carries no usable access token, or the IdP
 * refused it (it answered 401). {@link #getStatus()} is 401; the user has to sign in again.
 */
public class NotAuthenticatedException extends AuthVitalException {

    private static final long serialVersionUID = 1L;

    /**
     * @param idpStatus   the IdP's status, or {@code null} when the request failed before any call
     * @param idpMessages the IdP's message, possibly empty
     * @param message     what happened and what to do
     */
    public NotAuthenticatedException(Integer idpStatus, List<String> idpMessages, String message) {
        super(401, idpStatus, idpMessages, message, null);
    }
}
