package com.authvital.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One HTTP/1.1 keep-alive connection of the load driver, used by one thread: sends a GET
 * assembled from bytes encoded beforehand, reads the whole answer (a {@code Content-Length}
 * body, a chunked body, or one up to the end of the connection) and gives its status. Opens a
 * new connection when the server closed this one, e.g. after its keep-alive request limit.
 * Nothing is decoded but the status and the three headers that frame the answer, so the client
 * costs the same on every path and for every token.
 */
final class BenchConnection implements Closeable {

    private static final byte[] AUTHORIZATION = "Authorization: Bearer ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress server;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] request = new byte[4096];
    private final byte[] buffer = new byte[16384];
    private int position;
    private int limit;

    BenchConnection(InetSocketAddress server) {
        this.server = server;
    }

    /** {@code GET path HTTP/1.1} and {@code Host}, ending in CRLF: the request's head, encoded once per path. */
    static byte[] head(String path, InetSocketAddress server) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the request ({@code token} null for none) and answers the response's status. */
    int get(byte[] head, byte[] token) throws IOException {
        int length = assemble(head, token);
        boolean reused = socket != null;
        if (!reused) {
            open();
        }
        try {
            out.write(request, 0, length);
            return readResponse();
        } catch (IOException closedWhileIdle) {
            if (!reused) {
                throw closedWhileIdle;
            }
            // The server may close a kept-alive connection before it sees the request: send it again once.
            close();
            open();
            out.write(request, 0, length);
            return readResponse();
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
        socket = null;
        position = 0;
        limit = 0;
    }

    private int assemble(byte[] head, byte[] token) {
        int length = head.length + (token == null ? 0 : AUTHORIZATION.length + token.length) + END.length;
        if (request.length < length) {
            request = Arrays.copyOf(request, Math.max(length, request.length * 2));
        }
        System.arraycopy(head, 0, request, 0, head.length);
        int at = head.length;
        if (token != null) {
            System.arraycopy(AUTHORIZATION, 0, request, at, AUTHORIZATION.length);
            at += AUTHORIZATION.length;
            System.arraycopy(token, 0, request, at, token.length);
            at += token.length;
            System.arraycopy(END, 0, request, at, END.length);
        } else {
            System.arraycopy(END, 2, request, at, 2); // the head already ends in one CRLF
        }
        return token == null ? at + 2 : at + END.length;
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(server, TIMEOUT_MILLIS);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        position = 0;
        limit = 0;
    }

    /** Reads one response; leaves the connection at the start of the next or closed. */
    private int readResponse() throws IOException {
        if (position == limit) {
            position = 0;
            limit = 0;
        }
        int headerEnd;
        while ((headerEnd = indexOf(END, position)) < 0) {
            fill();
        }
        if (limit - position < 12 || buffer[position] != 'H') {
            throw new IOException("not an HTTP response");
        }
        int status = (buffer[position + 9] - '0') * 100 + (buffer[position + 10] - '0') * 10 + (buffer[position + 11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean closing = false;
        int line = indexOf(END, position, 2) + 2;
        while (line < headerEnd + 2) {
            int lineEnd = indexOf(END, line, 2);
            if (startsWithIgnoreCase(line, "content-length:")) {
                contentLength = Long.parseLong(text(line + 15, lineEnd).trim());
            } else if (startsWithIgnoreCase(line, "transfer-encoding:")) {
                chunked = text(line + 18, lineEnd).toLowerCase().contains("chunked");
            } else if (startsWithIgnoreCase(line, "connection:")) {
                closing = text(line + 11, lineEnd).toLowerCase().contains("close");
            }
            line = lineEnd + 2;
        }
        position = headerEnd + END.length;
        if (chunked) {
            skipChunks();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else {
            closing = true; // the body ends with the connection
            try {
                while (true) {
                    position = limit;
                    fill();
                }
            } catch (EOFException end) {
                // the whole body read
            }
        }
        if (closing) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            int lineEnd;
            while ((lineEnd = indexOf(END, position, 2)) < 0) {
                fill();
            }
            String size = text(position, lineEnd);
            int extension = size.indexOf(';');
            long length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            position = lineEnd + 2;
            if (length == 0) {
                skipTrailers();
                return;
            }
            skip(length + 2); // the chunk and its CRLF
        }
    }

    /** The trailer lines after the last chunk, up to and with the empty line. */
    private void skipTrailers() throws IOException {
        while (true) {
            int lineEnd;
            while ((lineEnd = indexOf(END, position, 2)) < 0) {
                fill();
            }
            boolean empty = lineEnd == position;
            position = lineEnd + 2;
            if (empty) {
                return;
            }
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int step = (int) Math.min(left, limit - position);
            position += step;
            left -= step;
        }
    }

    /** Reads more bytes after those not consumed yet, compacting the buffer when it is full. */
    private void fill() throws IOException {
        if (limit == buffer.length) {
            if (position == 0) {
                throw new IOException("response header longer than " + buffer.length + " bytes");
            }
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new EOFException("the server closed the connection");
        }
        limit += read;
    }

    private int indexOf(byte[] pattern, int from) {
        return indexOf(pattern, from, pattern.length);
    }

    /** Where the first {@code length} bytes of {@code pattern} occur in the unread bytes from {@code from}, or -1. */
    private int indexOf(byte[] pattern, int from, int length) {
        outer:
        for (int i = from; i <= limit - length; i++) {
            for (int j = 0; j < length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean startsWithIgnoreCase(int at, String prefix) {
        if (limit - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(buffer[at + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.US_ASCII);
    }
}
