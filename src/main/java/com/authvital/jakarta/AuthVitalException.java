package com.authvital.jakarta;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Base of every error of this module: unchecked, with the HTTP status an application should
 * answer its own client with, and what the IdP said when it said anything.
 *
 * <p>Subclasses name the cause: {@link NotAuthenticatedException}, {@link AccessDeniedException},
 * {@link SessionNotFoundException}, {@link IdpUnavailableException},
 * {@link AuthVitalConfigException}. A plain {@code AuthVitalException} is an answer of the IdP
 * that fits none of them (a 400 with validation messages, for instance). Messages never contain
 * a token, a cookie value or an {@code Authorization} header.
 *
 * <p>In JAX-RS the module answers them itself, with {@link #getStatus()} and
 * {@code {"error","message"}} (unless {@code authvital.jaxrs.exception-mapper=false}, or the
 * application maps them); elsewhere, a servlet for instance:
 *
 * <pre>{@code
 * } catch (AuthVitalException e) {
 *     return Response.status(e.getStatus()).entity(Map.of("message", e.getMessage())).build();
 * }
 * }</pre>
 */
public class AuthVitalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Integer idpStatus;
    private final List<String> idpMessages;

    /**
     * @param status      the HTTP status to answer the application's client with
     * @param idpStatus   the status the IdP answered, or {@code null} when it did not answer
     * @param idpMessages the IdP's {@code message} (a string or an array there), possibly empty
     * @param message     what happened and what to do, without any secret
     * @param cause       the underlying failure, or {@code null}
     */
    public AuthVitalException(int status, Integer idpStatus, List<String> idpMessages,
                              String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.idpStatus = idpStatus;
        this.idpMessages = idpMessages == null ? List.of() : List.copyOf(idpMessages);
    }

    /** The HTTP status an application should answer with: 401, 403, 404, 502, 503, 504… */
    public int getStatus() {
        return status;
    }

    /** The HTTP status the IdP answered, empty when no answer came (no token, refused, timeout). */
    public OptionalInt getIdpStatus() {
        return idpStatus == null ? OptionalInt.empty() : OptionalInt.of(idpStatus);
    }

    /** The IdP's {@code message}, one entry per line of a validation error; empty when none. */
    public List<String> getIdpMessages() {
        return idpMessages;
    }

    /** The IdP's messages joined with {@code "; "}, empty when there are none. */
    public Optional<String> getIdpMessage() {
        return idpMessages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", idpMessages));
    }
}
