package com.authvital.jakarta;

import java.util.List;

/**
 * The IdP could not be used: the connection failed or timed out, it answered a 5xx, or its body
 * was not the JSON it should be (a proxy's HTML error page, an empty body).
 * {@link #getStatus()} is 504 after a timeout, 503 when no connection could be made, else 502.
 * Retrying later may work.
 */
public class IdpUnavailableException extends AuthVitalException {

    private static final long serialVersionUID = 1L;

    /**
     * @param status      the status to answer with: 502, 503 or 504
     * @param idpStatus   the IdP's status, or {@code null} when it did not answer
     * @param idpMessages the IdP's message, possibly empty
     * @param message     what happened and what to do
     * @param cause       the underlying failure, or {@code null}
     */
    public IdpUnavailableException(int status, Integer idpStatus, List<String> idpMessages,
                                   String message, Throwable cause) {
        super(status, idpStatus, idpMessages, message, cause);
    }
}
