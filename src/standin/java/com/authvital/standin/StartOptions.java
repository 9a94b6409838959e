package com.authvital.standin;

/**
 * The command line of {@link StandInIdp#main}, read in one place so that a test can start the
 * stand-in exactly as the demo does.
 *
 * @param collectorPort -1 for no collector
 * @param webhookUrl    where the application's events (channel A) go from the start, or null
 */
record StartOptions(int port, String clientId, long accessTokenLifetimeSeconds, String applicationId,
                    int collectorPort, String webhookUrl) {

    static final String USAGE = "usage: StandInIdp [--port N] [--client-id X] [--access-token-lifetime SECONDS]"
            + " [--application-id ID] [--collector-port N] [--webhook-url URL]";

    /** Reads the options; an unknown one, or a value out of shape, is an {@link IllegalArgumentException} with the usage. */
    static StartOptions parse(String... args) {
        int port = StandInIdp.DEFAULT_PORT;
        String clientId = StandInIdp.DEFAULT_CLIENT_ID;
        long lifetime = TokenService.DEFAULT_ACCESS_LIFETIME.toSeconds();
        int collectorPort = -1;
        String applicationId = Application.DEFAULT_ID;
        String webhookUrl = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if ("--port".equals(args[i]) && value != null && value.matches("\\d{1,5}")) {
                port = Integer.parseInt(value);
            } else if ("--client-id".equals(args[i]) && value != null && !value.isBlank()) {
                clientId = value;
            } else if ("--access-token-lifetime".equals(args[i]) && value != null && value.matches("0*[1-9]\\d{0,8}")) {
                lifetime = Long.parseLong(value);
            } else if ("--application-id".equals(args[i]) && value != null && !value.isBlank()) {
                applicationId = value;
            } else if ("--collector-port".equals(args[i]) && value != null && value.matches("\\d{1,5}")) {
                collectorPort = Integer.parseInt(value);
            } else if ("--webhook-url".equals(args[i]) && value != null && !value.isBlank()) {
                webhookUrl = value;
            } else {
                throw new IllegalArgumentException(USAGE + "; bad option: " + args[i]);
            }
            i++;
        }
        return new StartOptions(port, clientId, lifetime, applicationId, collectorPort, webhookUrl);
    }
}
