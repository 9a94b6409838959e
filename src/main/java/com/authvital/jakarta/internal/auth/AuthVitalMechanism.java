package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.http.BearerChallenge;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The module as a Jakarta Security authentication mechanism: the container learns who the caller
 * is and in which groups, so {@code @RolesAllowed}, {@code @ServletSecurity}, security constraints
 * and {@code SecurityContext} work. The same {@link Authenticator} as the filter finds, validates
 * and refreshes the token, and the same rule keeps cross-site cookie requests from changing
 * anything. It maps the authenticator's {@link Verdict} in one switch: without a user it does
 * nothing on an unprotected resource and answers as the filter does on a protected one. A CDI
 * bean only when {@code authvital.jakarta-security.enabled=true} ({@code AuthVitalExtension} adds it).
 */
public class AuthVitalMechanism implements HttpAuthenticationMechanism {

    /** The message-info key that sets {@code HttpServletRequest.getAuthType()} (Jakarta Authentication). */
    static final String AUTH_TYPE_KEY = "jakarta.servlet.http.authType";

    @Inject
    Authenticator authenticator;

    @Inject
    AuthVitalConfig config;

    private Challenges answers;

    private final LibertyCredentials liberty = LibertyCredentials.forOneApplication();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return validate(request, response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context) throws IOException {
        Verdict verdict = authenticator.decide(request);
        authenticator.effects().apply(verdict, request, response);
        return switch (verdict.kind()) {
            case AUTHENTICATED -> login(((Verdict.Authenticated) verdict).user(), context);
            case REFRESHED -> login(((Verdict.Refreshed) verdict).user(), context);
            case ANONYMOUS -> noUser(request, response, context, false,
                    Messages.noAccessToken(config.cookies().accessTokenName()));
            case REFUSED -> refused(request, response, context, (Verdict.Refused) verdict);
            case UNAVAILABLE -> {
                if (!context.isProtected()) {
                    yield context.doNothing(); // anonymous: what it may do is the application's to say
                }
                Challenges.unavailable(response, (Verdict.Unavailable) verdict);
                yield AuthenticationStatus.SEND_FAILURE;
            }
        };
    }

    private AuthenticationStatus login(ValidatedToken user, HttpMessageContext context) {
        // What getAuthType() answers (Liberty says "BASIC" otherwise): RFC 6750 bearer tokens.
        context.getMessageInfo().getMap().put(AUTH_TYPE_KEY, AuthenticatedRequest.AUTH_TYPE);
        // Open Liberty finds the subject of a token it has seen by this key, and needs no LTPA token
        // for it (docs/decisions/0005-mechanism-cache-key.md, 0009-mechanism-speed.md). Other servers
        // ignore it. The key is only looked up after the module has accepted the token on this request.
        context.getClientSubject().getPrivateCredentials().add(liberty.of(user));
        return context.notifyContainerAboutLogin(user.principal(), user.principal().getGroups());
    }

    private AuthenticationStatus refused(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context, Verdict.Refused refused) throws IOException {
        if (!refused.crossSite()) {
            return noUser(request, response, context, refused.tokenSent(), refused.message());
        }
        if (!context.isProtected()) {
            return context.doNothing(); // anonymous: what it may do is the application's to say
        }
        Challenges.forbidden(response, refused.message());
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus noUser(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, boolean tokenSent, String message) throws IOException {
        if (!context.isProtected()) {
            if (tokenSent) {
                BearerChallenge.refused(request, message); // for a 401 the application answers later
            }
            return context.doNothing();
        }
        challenges().unauthenticated(request, response, tokenSent, message);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private Challenges challenges() {
        if (answers == null) {
            answers = new Challenges(config.filter().loginUrl().or(() -> config.signIn().path()));
        }
        return answers;
    }
}
