package com.authvital.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 requests whose request line is sent exactly as written, over a plain socket. A test of
 * odd paths needs it: {@code URI.resolve} removes {@code .} and {@code ..} segments, so
 * {@link TestHttp} would send a different path than the one under test.
 */
public final class RawHttp {

    /** What the server answered: the status code, the head's header lines, and the body (de-chunked), read as UTF-8. */
    public record Answer(int status, List<String> headers, String body) {

        /** The first value of header {@code name} (any case), if the answer has it. */
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst();
        }
    }

    private RawHttp() {
    }

    /**
     * {@code GET} of {@code target}, appended as it is to the path of {@code app} (which ends in
     * {@code /}), with these headers (name, value…) and {@code Connection: close}. A {@code Host}
     * among them replaces the app's: a host name no resolver knows, such as a tenant's
     * {@code acme.localhost}, can be asked for that way.
     */
    public static Answer get(URL app, String target, String... headers) {
        StringBuilder request = new StringBuilder("GET ").append(app.getPath()).append(target).append(" HTTP/1.1\r\n");
        boolean ownHost = false;
        for (int i = 0; i < headers.length; i += 2) {
            ownHost |= headers[i].equalsIgnoreCase("Host");
        }
        if (!ownHost) {
            request.append("Host: ").append(app.getHost()).append(':').append(app.getPort()).append("\r\n");
        }
        request.append("Connection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(app.getHost(), app.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + target, e);
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headEnd < 0) {
            throw new IOException("not an HTTP/1.x answer: " + text);
        }
        String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(text.substring(9, 12));
        byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            body = dechunk(new ByteArrayInputStream(body));
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        List<String> headers = List.of(lines).subList(1, lines.length); // after the status line
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** RFC 9112 §7.1: hex size lines (extensions ignored), each chunk, until size 0. */
    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("chunked body ends without its last chunk");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            int semicolon = line.indexOf(";");
            int size = Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).toString().trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            in.skip(2);
        }
    }
}
