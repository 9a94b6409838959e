package com.authvital.jakarta;

import java.util.List;

/**
 * The IdP refused the operation to this user, such as revoking a session of another user.
 * {@link #getStatus()} is 403 (the IdP itself answers 401 for that case).
 */
public class AccessDeniedException extends AuthVitalException {

    private static final long serialVersionUID = 1L;

    /**
     * @param idpStatus   the IdP's status
     * @param idpMessages the IdP's message, possibly empty
     * @param message     what happened and what to do
     */
    public AccessDeniedException(Integer idpStatus, List<String> idpMessages, String message) {
        super(403, idpStatus, idpMessages, message, null);
    }
}
