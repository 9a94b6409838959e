package com.authvital.jakarta.internal.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.testing.LogRecords;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The IdP's outages reach the log once when they start and once when they end, however many calls meet them. */
class IdpLinkTest {

    private final AtomicLong nanos = new AtomicLong();
    private final IdpLink link = new IdpLink(nanos::get);

    private static IdpUnavailableException unreachable() {
        return new IdpUnavailableException(503, null, List.of(),
                Messages.idpUnreachable("POST /oauth/token (refresh_token)", "https://idp.example", "Connection refused"), null);
    }

    private static List<String> atInfoOrAbove(LogRecords log) {
        return log.lines().stream().filter(line -> line.startsWith("WARNING ") || line.startsWith("INFO ")).toList();
    }

    @Test
    void tenThousandFailedCallsAreOneWarningAndTheFirstSuccessOneInfo() {
        try (LogRecords log = LogRecords.of(IdpClient.class)) {
            for (int i = 0; i < 10_000; i++) {
                link.failed(unreachable());
            }
            nanos.addAndGet(Duration.ofSeconds(42).toNanos());
            link.answered();
            link.answered();

            List<String> lines = atInfoOrAbove(log);
            assertEquals(2, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).startsWith("WARNING AV1215W: calls to AuthVital fail: AV1201"), lines.get(0));
            assertTrue(lines.get(0).contains("Connection refused"), "the first failure's detail, once: " + lines.get(0));
            assertTrue(lines.get(1).startsWith("INFO AV1216I: AuthVital answers again, after 10000 failed call(s) over 42 s"),
                    lines.get(1));
        }
    }

    @Test
    void aRateLimitIsItsOwnStateOneWarningUntilTheIdpAnswersAgain() {
        try (LogRecords log = LogRecords.of(IdpClient.class)) {
            RateLimitedException limited = new RateLimitedException(Duration.ofSeconds(20), List.of(),
                    Messages.idpRateLimited("POST /oauth/token (refresh_token)", 20));
            link.failed(limited);
            link.failed(limited);
            link.failed(unreachable()); // from limited to down: a change, told
            link.answered();

            List<String> lines = atInfoOrAbove(log);
            assertEquals(3, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).startsWith("WARNING AV1217W: AuthVital is rate-limiting this server"), lines.get(0));
            assertTrue(lines.get(1).startsWith("WARNING AV1215W"), lines.get(1));
            assertTrue(lines.get(2).startsWith("INFO AV1216I: AuthVital answers again, after 3 failed call(s)"), lines.get(2));
        }
    }

    @Test
    void aRefusalOfTheRequestIsTheIdpAnsweringAndEndsAnOutage() {
        try (LogRecords log = LogRecords.of(IdpClient.class)) {
            link.failed(new NotAuthenticatedException(null, List.of(), Messages.idpRefusedToken("Invalid token")));
            link.failed(unreachable());
            link.failed(new NotAuthenticatedException(null, List.of(), Messages.idpRefusedToken("Invalid token")));

            List<String> lines = atInfoOrAbove(log);
            assertEquals(2, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).startsWith("WARNING AV1215W"), lines.get(0));
            assertTrue(lines.get(1).startsWith("INFO AV1216I"), lines.get(1));
        }
    }
}
