package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.http.CookieWriter;
import com.authvital.jakarta.internal.idp.TokenAnswer;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.session.Revocations;
import com.authvital.jakarta.internal.session.TokenRefresher;
import com.authvital.jakarta.internal.token.TokenExtractor;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.StandInClient;
import com.authvital.testing.SwitchableStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real authenticator for the unit tests of this package: the stand-in IdP's keys and tokens, the
 * real validator and revocations over a store, the real cookie writer; only the refresh call is
 * the test's ({@link Refreshes}), since an IdP client needs a MicroProfile REST Client runtime.
 */
final class AuthenticatorSetup implements AutoCloseable {

    static final String CLIENT_ID = "verdict-test-app";
    /** A site that is not the application's ({@code http://app.example.com}, the fakes' origin). */
    static final String EVIL_ORIGIN = "https://evil.example";

    final StandInClient dev;
    final AuthVitalConfig config;
    final SwitchableStore store = new SwitchableStore();
    final Revocations revocations;
    final TokenValidator validator;
    final Refreshes refreshes = new Refreshes();
    final Authenticator authenticator;

    /** @param settings more configuration, key and value in turn, over the IdP and the client id */
    AuthenticatorSetup(StandInIdp idp, String... settings) {
        this.dev = StandInClient.at(idp.baseUrl());
        Map<String, String> values = new HashMap<>(Map.of(
                ConfigKeys.HOST, idp.baseUrl(),
                ConfigKeys.CLIENT_ID, CLIENT_ID,
                ConfigKeys.SIGNIN_PATH, "/login",
                ConfigKeys.SIGNIN_CALLBACK_PATH, "/callback",
                ConfigKeys.SIGNIN_FLOW_KEY, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                ConfigKeys.LOGOUT_PATH, "/logout"));
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        this.config = AuthVitalConfig.load(key -> Optional.ofNullable(values.get(key)));
        this.revocations = new Revocations(store, Clock.systemUTC(), Duration.ofSeconds(30));
        this.validator = new TokenValidator(config, Clock.systemUTC(), revocations);
        this.authenticator = new Authenticator(config,
                new TokenExtractor(config.cookies().accessTokenName(), config.cookies().refreshTokenName()),
                validator, revocations, refreshes, new CookieWriter(config.cookies()), store, Clock.systemUTC());
    }

    /** An access token of the user that expires {@code in} from now (negative: expired that long ago). */
    String accessTokenExpiringIn(String userId, Duration in) {
        long now = Instant.now().getEpochSecond();
        long exp = now + in.toSeconds();
        return dev.mint(Map.of("userId", userId, "claims", Map.of("iat", exp - 900, "exp", exp)));
    }

    /** What the IdP's refresh would give: a new session of the same user, its tokens good for 15 minutes. */
    TokenRefresher.Refreshed newTokens(String userId, TokenValidator.RefreshToken old) {
        StandInClient.NewSession next = dev.anotherSession(userId);
        return new TokenRefresher.Refreshed(new TokenAnswer(next.accessToken(), "Bearer", 900L, next.refreshToken(),
                "openid", null), old.sessionId(), validator.refreshToken(next.refreshToken()));
    }

    @Override
    public void close() {
        validator.close();
        store.close();
    }

    /** The refresh call: answers as the test scripts it, and counts each call, as the IdP would. */
    static final class Refreshes implements SilentRefresh.Call {

        /** What one refresh call does. */
        interface Answer {
            TokenRefresher.Refreshed answer(TokenValidator.RefreshToken session);
        }

        private final List<String> sessions = new ArrayList<>();
        private Answer answer = session -> {
            throw new AssertionError("no refresh was expected, of session " + session.sessionId());
        };

        /** From now on each refresh answers this way. */
        void answer(Answer next) {
            this.answer = next;
        }

        /** From now on each refresh fails so. */
        void fail(RuntimeException failure) {
            this.answer = session -> {
                throw failure;
            };
        }

        /** The sessions whose refresh tokens were presented, in order. */
        List<String> calls() {
            return sessions;
        }

        @Override
        public TokenRefresher.Refreshed refresh(String refreshToken, TokenValidator.RefreshToken session) {
            sessions.add(session.sessionId());
            return answer.answer(session);
        }
    }
}
