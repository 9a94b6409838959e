package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link IdpBodyLimit} on the body of an answer, as the REST client hands it over: whole up to
 * {@value IdpBodyLimit#MAX_BYTES} bytes, a failure past them, which the module reports as an
 * answer that is not the IdP's. (The client it is registered on needs the server's REST Client:
 * {@code it.idp.IdpClientIT} sends it a page over the limit.)
 */
class IdpBodyLimitTest {

    /** The stream the filter sets on an answer with this body; null when it set none. */
    private static InputStream filtered(byte[] body) {
        InputStream[] set = new InputStream[1];
        ClientResponseContext response = (ClientResponseContext) Proxy.newProxyInstance(
                IdpBodyLimitTest.class.getClassLoader(),
                new Class<?>[] {ClientResponseContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hasEntity" -> body != null;
                    case "getEntityStream" -> new ByteArrayInputStream(body);
                    case "setEntityStream" -> {
                        set[0] = (InputStream) args[0];
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        new IdpBodyLimit().filter((ClientRequestContext) null, response);
        return set[0];
    }

    @Test
    void anAnswerUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[IdpBodyLimit.MAX_BYTES];
        body[body.length - 1] = '}';

        assertArrayEquals(body, filtered(body).readAllBytes());
    }

    @Test
    void anAnswerOverTheLimitFailsOnceTheLimitIsPassedWhetherReadInBlocksOrByBytes() {
        byte[] body = new byte[IdpBodyLimit.MAX_BYTES + 1];

        assertThrows(IdpBodyLimit.TooLarge.class, () -> filtered(body).readAllBytes());
        InputStream byBytes = filtered(body);
        assertThrows(IdpBodyLimit.TooLarge.class, () -> {
            for (int i = 0; i <= IdpBodyLimit.MAX_BYTES; i++) {
                byBytes.read();
            }
        });
        assertThrows(IdpBodyLimit.TooLarge.class, () -> filtered(body).skip(body.length));
    }

    @Test
    void anAnswerWithoutBodyIsLeftAlone() {
        assertNull(filtered(null));
    }

    @Test
    void anAnswerOverTheLimitIsReportedAsUnavailableWith502AndItsId() {
        IdpFailures failures = new IdpFailures(AuthVitalConfig.load(key -> Optional.ofNullable(Map.of(
                "authvital.host", "https://auth.example.com", "authvital.client-id", "my-app").get(key))));
        IOException tooLarge = assertThrows(IdpBodyLimit.TooLarge.class,
                () -> filtered(new byte[IdpBodyLimit.MAX_BYTES + 1]).readAllBytes());

        // As the REST client throws it: the reader's failure, wrapped.
        AuthVitalException e = failures.failed(IdpFailures.Call.LIST, new ProcessingException(tooLarge));

        assertInstanceOf(IdpUnavailableException.class, e);
        assertEquals(502, e.getStatus());
        assertEquals(OptionalInt.empty(), e.getIdpStatus());
        assertTrue(e.getMessage().startsWith("AV1209E: ") && e.getMessage().contains(String.valueOf(IdpBodyLimit.MAX_BYTES)),
                e.getMessage());
    }
}
