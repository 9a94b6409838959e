package com.authvital.jakarta;

import java.util.List;

/**
 * The IdP has no session with the given id. {@link #getStatus()} is 404.
 */
public class SessionNotFoundException extends AuthVitalException {

    private static final long serialVersionUID = 1L;

    /**
     * @param idpStatus   the IdP's status, or {@code null} when the id was refused before any call
     * @param idpMessages the IdP's message, possibly empty
     * @param message     what happened and what to do
     */
    public SessionNotFoundException(Integer idpStatus, List<String> idpMessages, String message) {
        super(404, idpStatus, idpMessages, message, null);
    }
}
