package com.authvital.jakarta.internal.http;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.idp.IdpFailures.Call;
import com.authvital.jakarta.internal.idp.IdpFailures;
import com.authvital.jakarta.internal.message.ConfigKeys;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a browser reads of an IdP failure: no address, no connection error, no IdP words on a 5xx. */
class ClientTextTest {

    private final IdpFailures failures = new IdpFailures(AuthVitalConfig.load(key -> Optional.ofNullable(Map.of(
            ConfigKeys.HOST, "https://10.0.0.5:8443", ConfigKeys.CLIENT_ID, "app").get(key))));

    @Test
    void aConnectionFailureIsWithheldAndItsMessageNamesTheAddressForTheLog() {
        AuthVitalException down = failures.failed(Call.REFRESH,
                new ProcessingException(new ConnectException("Connection refused")));

        assertTrue(ClientText.withheld(down));
        assertTrue(down.getMessage().contains("10.0.0.5:8443"), down.getMessage());
        assertTrue(ClientText.of(down).startsWith("AV1432E: "), ClientText.of(down));
        assertFalse(ClientText.of(down).contains("10.0.0.5") || ClientText.of(down).contains("refused"));
    }

    @Test
    void theIdpsOwnWordsOnA5xxAreWithheld() {
        AuthVitalException failing = failures.answered(Call.CODE_EXCHANGE, new IdpFailures.ErrorAnswer(500, true,
                List.of("connect ECONNREFUSED 10.0.0.7:5432")));

        assertTrue(ClientText.of(failing).startsWith("AV1432E: "), ClientText.of(failing));
    }

    @Test
    void messagesThatNameNoAddressAreShownAsTheyAre() {
        AuthVitalException slow = failures.failed(Call.REFRESH,
                new ProcessingException(new SocketTimeoutException("Read timed out")));
        AuthVitalException refused = failures.answered(Call.CODE_EXCHANGE, new IdpFailures.ErrorAnswer(401, true,
                List.of("Invalid authorization code")));

        assertEquals(slow.getMessage(), ClientText.of(slow));
        assertEquals(refused.getMessage(), ClientText.of(refused));
    }
}
