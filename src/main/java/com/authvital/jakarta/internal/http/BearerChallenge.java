package com.authvital.jakarta.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * RFC 6750 §3's {@code WWW-Authenticate: Bearer} challenge, the same from the filter, the
 * Jakarta Security mechanism and the JAX-RS mapper. A request whose token the mechanism refused
 * on a resource the container does not protect goes on without a user; when the application
 * later answers it 401 (a {@code @RolesAllowed} bean), the challenge still says why the token was
 * refused, on every server: Open Liberty asks the mechanism again for a {@code @RolesAllowed}
 * resource, WildFly's RESTEasy does not.
 */
public final class BearerChallenge {

    private static final String REFUSAL = BearerChallenge.class.getName() + ".refusal";

    private BearerChallenge() {
    }

    /**
     * The challenge's header value.
     *
     * @param refusal why the request's token was refused; empty when it had none, for which
     *                RFC 6750 §3.1 wants no error code
     */
    public static String header(Optional<String> refusal) {
        return refusal.map(why -> "Bearer realm=\"authvital\", error=\"invalid_token\", error_description=\""
                + quotable(why) + "\"").orElse("Bearer realm=\"authvital\"");
    }

    /** Keeps, for the rest of {@code request}, why its token was refused (a catalogue message, never the token). */
    public static void refused(HttpServletRequest request, String message) {
        request.setAttribute(REFUSAL, message);
    }

    /** Why the request's token was refused, if {@link #refused} said so. */
    public static Optional<String> refusal(HttpServletRequest request) {
        return request != null && request.getAttribute(REFUSAL) instanceof String why ? Optional.of(why) : Optional.empty();
    }

    /** RFC 6750 §3: error_description is printable ASCII without '"' and '\'. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '\'');
        }
        return out.toString();
    }
}
