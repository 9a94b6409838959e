package com.authvital.jakarta.it.app;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.flow.LogoutFlow;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.session.SessionEnds;
import com.authvital.jakarta.internal.token.TokenExtractor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The logout of an application whose revocation at the IdP breaks in a way the module does not
 * foresee, standing in for the module's own: the IdP's logout throws an {@link Error} when the
 * refresh token's user id starts with {@value #ERROR} (as a server without the REST client
 * feature does: {@code NoClassDefFoundError}), and a plain {@link RuntimeException} when it starts
 * with {@value #RUNTIME}; any other token reaches the IdP. The tokens are the stand-in's, valid:
 * the module sends no other to the IdP. Both messages hold an internal address, which must reach
 * no client; the second also repeats the token, as a careless client library might, which must
 * reach no log. An alternative of the module's internal {@link LogoutFlow}: a test's reach into
 * the module, which no application needs.
 */
@Dependent
@Alternative
@Priority(1)
public class BrokenRevocation {

    public static final String ERROR = "throw-error";
    public static final String RUNTIME = "throw-runtime";
    /** What the failures' messages hold that a client must never see. */
    public static final String INTERNAL = "10.1.2.3:8443";

    /** The token's {@code sub}, read without a check: the module checked it before. */
    private static String user(String refreshToken) {
        String[] parts = refreshToken.split("\\.");
        String claims = parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
        Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"").matcher(claims);
        return sub.find() ? sub.group(1) : "";
    }

    @Produces
    @Alternative
    @Singleton
    LogoutFlow brokenLogout(AuthVitalConfig config, IdpClient idp, CookieWriter cookies, TokenExtractor tokens,
                            SessionEnds ends) {
        return new LogoutFlow(config, refreshToken -> {
            String user = user(refreshToken);
            if (user.startsWith(ERROR)) {
                throw new NoClassDefFoundError("org/eclipse/microprofile/rest/client/RestClientBuilder (loaded for http://"
                        + INTERNAL + ")");
            }
            if (user.startsWith(RUNTIME)) {
                throw new IllegalStateException("RESTEASY004655: Unable to invoke request: http://" + INTERNAL
                        + "/oauth/logout with {\"refresh_token\":\"" + refreshToken + "\"}");
            }
            return idp.logout(refreshToken);
        }, cookies, tokens, ends);
    }
}
