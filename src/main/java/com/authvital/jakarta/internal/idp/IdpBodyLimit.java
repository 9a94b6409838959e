package com.authvital.jakarta.internal.idp;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds every answer of the IdP to {@value #MAX_BYTES} bytes as it is read, success and error
 * bodies alike: a proxy's endless page or a runaway list must not fill the server's memory. Past
 * the limit, reading fails, which the module reports as an answer that is not the IdP's JSON.
 */
final class IdpBodyLimit implements ClientResponseFilter {

    /** A session list of a few thousand sessions fits; nothing the IdP sends comes near. */
    static final int MAX_BYTES = 1 << 20;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.hasEntity()) {
            response.setEntityStream(new Bounded(response.getEntityStream()));
        }
    }

    /** A stream that fails once more than {@value #MAX_BYTES} bytes have been read from it. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }

    /** The answer went past the limit: the IdP answered, but not what it should. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the IdP's answer is over " + MAX_BYTES + " bytes");
        }
    }
}
