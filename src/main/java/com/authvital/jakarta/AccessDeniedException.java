package com.authvital.jakarta;

import java.util.List;

/**
 * The operation is refused: the IdP refused it to this user, such as revoking a session of
 * another user (the IdP itself answers 401 for that case), or the module refused a request from
 * another site that only the access-token cookie authenticates ({@code AV1006}).
 * {@link #getStatus()} is 403.
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
