package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.internal.http.PathSegments;
import com.authvital.jakarta.internal.message.Messages;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes the session id of {@code POST /oauth/sessions/{id}/revoke} exactly one path segment.
 *
 * <p>REST clients leave {@code /} and {@code ;} of a path parameter unencoded (RESTEasy, and so
 * Open Liberty, by design; Jersey's MicroProfile client too), so {@code ../../logout-all} would
 * name another endpoint, and {@code @Encoded} means different things to different clients. They
 * all encode {@code %}, so the id between the template's fixed parts decodes back exactly, and is
 * encoded again here with nothing but unreserved characters and {@code %XX}.
 */
final class SessionIdSegmentFilter implements ClientRequestFilter {

    /** MicroProfile Rest Client's request property naming the interface method being invoked. */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private final String prefix;
    private static final String SUFFIX = "/revoke";

    /** @param restUrl the base URI the client calls; the template follows its path */
    SessionIdSegmentFilter(URI restUrl) {
        String basePath = restUrl.getRawPath() == null ? "" : restUrl.getRawPath().replaceAll("/+$", "");
        this.prefix = basePath + "/oauth/sessions/";
    }

    @Override
    public void filter(ClientRequestContext request) {
        Object invoked = request.getProperty(INVOKED_METHOD);
        if (!(invoked instanceof Method method) || !method.getName().startsWith("revokeSession")) {
            return;
        }
        URI uri = request.getUri();
        String path = uri.getRawPath();
        if (!path.startsWith(prefix) || !path.endsWith(SUFFIX) || path.length() < prefix.length() + SUFFIX.length()) {
            throw new IllegalStateException(Messages.unexpectedRevokePath());
        }
        String id = PathSegments.decode(path.substring(prefix.length(), path.length() - SUFFIX.length()));
        try {
            request.setUri(new URI(uri.getScheme() + "://" + uri.getRawAuthority() + prefix
                    + PathSegments.encode(id) + SUFFIX));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(Messages.revokeUriNotRebuilt(), e);
        }
    }
}
