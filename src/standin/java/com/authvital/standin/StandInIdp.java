package com.authvital.standin;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the AuthVital IdP on loopback, answering the contract's endpoints with its
 * status codes and JSON (sign-in at {@code /oauth/authorize} with its own page, code exchange and
 * refresh with rotation at {@code /oauth/token}, rate limits, the session endpoints, the browser
 * logout), plus a {@code /dev/*} API for tests and the demo.
 *
 * <pre>{@code
 * try (StandInIdp idp = StandInIdp.start(0)) {
 *     URI jwks = URI.create(idp.baseUrl() + "/.well-known/jwks.json");
 * }
 * }</pre>
 *
 * <p>From a shell: {@code mvn test-compile exec:java@stand-in} (port {@code demo.idp.port}, 9180), or
 * {@code java -cp <test classpath> com.authvital.standin.StandInIdp --port 9180 --client-id authvital-demo
 * --access-token-lifetime 60 --collector-port 9181 --webhook-url http://127.0.0.1:9080/demo/authvital/events};
 * {@code --collector-port} starts a {@link StandInCollector} beside it, {@code --webhook-url} sends its
 * events there. {@code GET /dev/demo} is a page of controls for a person (suspend the Demo User…).
 */
public final class StandInIdp implements AutoCloseable {

    /** The port {@link #main} listens on without {@code --port}: the demo's {@code demo.idp.port}. */
    public static final int DEFAULT_PORT = 9180;

    /** The client id (token audience, application id) used when none is given. */
    public static final String DEFAULT_CLIENT_ID = "authvital-demo";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final TokenService tokens;
    private final IdpSessions store = new IdpSessions();
    private final WebhookSender webhookSender;
    private final Application application;
    private final Webhooks webhooks;

    private StandInIdp(HttpServer server, ExecutorService executor, SigningKey key, String clientId) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        KeyRing keys = new KeyRing(key);
        WebhookKeys webhookKeys = new WebhookKeys();
        this.tokens = new TokenService(baseUrl, keys);
        Faults faults = new Faults();
        DiscoveryStats stats = new DiscoveryStats();
        RequestLog log = new RequestLog();
        BearerGuard guard = new BearerGuard(tokens, faults);
        RateLimiter limiter = new RateLimiter();
        Router router = new Router(log, guard, limiter);
        Clients clients = new Clients(clientId);
        DemoUsers users = new DemoUsers(store, clientId);
        AuthorizationCodes codes = new AuthorizationCodes();
        InteractionRequired interaction = new InteractionRequired();
        GrantStats grants = new GrantStats();
        this.application = new Application(clientId);
        Members members = new Members();
        DeliveryLog deliveries = new DeliveryLog();
        this.webhookSender = new WebhookSender(webhookKeys, deliveries);
        this.webhooks = new Webhooks(webhookSender, application, webhookKeys);
        new DiscoveryEndpoints(baseUrl, keys, webhookKeys, stats, faults).register(router);
        new SessionEndpoints(store).register(router, guard);
        new LogoutEndpoints(store, tokens).register(router);
        new BrowserLogout(store, tokens).register(router);
        new AuthorizeEndpoint(clients, users, codes).register(router);
        new TokenEndpoint(tokens, new CodeGrant(codes, store, clients, grants),
                new RefreshRotation(store, tokens, clients, interaction, grants, members, application), faults, grants).register(router);
        new DevEndpoints(store, tokens, faults, log, clientId).register(router);
        new DevSettings(tokens, limiter, clients, users).register(router);
        new DevTokenControls(faults, interaction, grants).register(router);
        new DevTokens(store, tokens, keys, clientId).register(router);
        new DevKeyEndpoints(keys, stats, faults).register(router);
        new DevWebhookEndpoints(webhooks, webhookSender, deliveries, webhookKeys, application).register(router);
        DevMemberControls memberControls = new DevMemberControls(store, members, application, webhooks);
        memberControls.register(router);
        new DevDemoPage(users, members, memberControls, webhooks).register(router);
        server.createContext("/", router);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on this port of 127.0.0.1 (0 for any free port) with the client id {@value #DEFAULT_CLIENT_ID}. */
    public static StandInIdp start(int port) {
        return start(port, DEFAULT_CLIENT_ID);
    }

    /**
     * Starts on this port of 127.0.0.1 (0 for any free port). The port of an instance just
     * closed can be reused at once: the JDK's server sockets set {@code SO_REUSEADDR} on Linux
     * and macOS, so the connections it leaves in TIME_WAIT do not block the bind.
     *
     * @param clientId the default audience of tokens and application id of sessions
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static StandInIdp start(int port, String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        // The JDK's server leaves Nagle's algorithm on: each answer on a kept-alive connection
        // then waits for the client's delayed ACK. The property is read when the JDK's server is
        // first used in this JVM, which is here.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // Generated before binding, not on a thread beside it: in a cold JVM on a small machine
        // the two would compete for the JIT.
        SigningKey key = SigningKey.generate();
        // A pool, not the single default thread: a request slowed by a fault must not block others.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
            return new StandInIdp(HttpServer.create(address, 0), executor, key, clientId);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + "; choose a free port or 0", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: where it listens, and the {@code iss} of its tokens. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The port it listens on, useful after {@code start(0)}. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once, abandoning requests still in progress and webhooks not yet sent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhookSender.close();
    }

    TokenService tokens() {
        return tokens;
    }

    IdpSessions store() {
        return store;
    }

    /**
     * Serves until killed. Options: {@code --port N} (default {@value #DEFAULT_PORT}),
     * {@code --client-id X} (default {@value #DEFAULT_CLIENT_ID}),
     * {@code --access-token-lifetime SECONDS} (default 3600, the IdP's),
     * {@code --application-id ID} (the {@code application_id} of its events, default
     * {@value Application#DEFAULT_ID}),
     * {@code --collector-port N} (none by default), which starts a {@link StandInCollector} there too, and
     * {@code --webhook-url URL} (none by default), a loopback URL that gets the application's events
     * (channel A, as {@code PUT /dev/webhooks} registers it): the demo's receiver.
     */
    public static void main(String[] args) throws InterruptedException {
        StartOptions options;
        try {
            options = StartOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            System.exit(2);
            return;
        }
        StandInIdp idp;
        try {
            idp = start(options);
        } catch (HttpProblem refused) {
            System.err.println("--webhook-url: " + refused.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("AuthVital stand-in IdP listening on " + idp.baseUrl());
        idp.webhooks.registration(WebhookEvent.Channel.SYNC).ifPresent(r -> System.out.println(
                "Its events go to " + r.url() + "; its controls for a person: " + idp.baseUrl() + DevDemoPage.PAGE));
        if (options.collectorPort() >= 0) {
            StandInCollector collector = StandInCollector.start(options.collectorPort());
            System.out.println("Stand-in OpenTelemetry collector listening on " + collector.baseUrl()
                    + " (OTLP/HTTP protobuf at /v1/metrics and /v1/traces; Prometheus text at /metrics)");
            // Ctrl-C, or exec's asyncDestroyOnShutdown, ends the process, and the collector with it.
            Runtime.getRuntime().addShutdownHook(new Thread(collector::close, "authvital-collector-shutdown"));
        }
        // Block here rather than rely on the server's threads: exec:java would otherwise return.
        new CountDownLatch(1).await();
    }

    /**
     * Starts as {@link #main} does with these options, the collector aside.
     *
     * @throws HttpProblem when the webhook URL is not one the stand-in may post to (loopback http(s))
     */
    static StandInIdp start(StartOptions options) {
        StandInIdp idp = start(options.port(), options.clientId());
        try {
            idp.tokens.accessLifetime(Duration.ofSeconds(options.accessTokenLifetimeSeconds()));
            idp.application.update(Json.createObjectBuilder().add("applicationId", options.applicationId()).build());
            if (options.webhookUrl() != null) {
                idp.webhooks.register(Json.createObjectBuilder().add("url", options.webhookUrl())
                        .add("channel", WebhookEvent.Channel.SYNC.wireName()).build());
            }
            return idp;
        } catch (RuntimeException e) {
            idp.close();
            throw e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "authvital-standin-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
