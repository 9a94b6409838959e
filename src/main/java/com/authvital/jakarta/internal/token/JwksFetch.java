package com.authvital.jakarta.internal.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One fetch of the IdP's JWKS, which {@link #abort()} ends wherever it is. Neither of the JDK's
 * own timeouts bounds a whole answer (HttpURLConnection's read timeout restarts with every byte,
 * java.net.http's request timeout stops once the headers are in), so {@link JwksCache} aborts a
 * fetch at its deadline, which closes the connection under the reading thread. Redirects are not
 * followed, and a body over {@value #MAX_BYTES} bytes is refused without being kept.
 */
final class JwksFetch {

    /** A JWKS holds a few keys of about 500 bytes each. */
    static final int MAX_BYTES = 1 << 20;

    private final URI uri;
    private final int connectMillis;
    private final int readMillis;
    private HttpURLConnection connection; // guarded by this
    private boolean aborted; // guarded by this

    JwksFetch(URI uri, Duration connectTimeout, Duration readTimeout) {
        this.uri = uri;
        this.connectMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.readMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }

    /**
     * The body of the IdP's 200 answer.
     *
     * @throws IOException           when the exchange fails, times out or was aborted
     * @throws IllegalStateException when the IdP answered something else, in words for the log
     */
    String body() throws IOException {
        HttpURLConnection open = open();
        try {
            int status = open.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IllegalStateException("answered " + status);
            }
            try (InputStream in = open.getInputStream()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new IllegalStateException("answered a body over " + MAX_BYTES + " bytes");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        } finally {
            open.disconnect(); // never kept alive: the next fetch opens a new connection
        }
    }

    /** Ends the exchange now: the thread in {@link #body()} gets an IOException. */
    void abort() {
        HttpURLConnection open;
        synchronized (this) {
            aborted = true;
            open = connection;
        }
        if (open != null) {
            open.disconnect();
        }
    }

    private synchronized HttpURLConnection open() throws IOException {
        if (aborted) {
            throw new InterruptedIOException("timed out");
        }
        connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(connectMillis);
        connection.setReadTimeout(readMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestProperty("Accept", "application/json");
        return connection;
    }
}
