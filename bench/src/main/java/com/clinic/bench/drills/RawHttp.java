package com.clinic.bench.drills;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client refuses to send: invalid request
 * lines and headers, broken chunked bodies, raw bytes and invalid percent-encoding in paths.
 */
final class RawHttp {

    /** Status 0 means the server closed or timed out without a status line. */
    record Response(int status, String headers, String body, String outcome) {
        String contentType() {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-type")) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends the bytes as they are; {@code halfClose} shuts the output afterwards so that a server
     * waiting for a body that never comes sees the end of the stream instead of a slow client.
     */
    Response send(byte[] request, boolean halfClose, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException writeFailed) {
                // The server may answer and close before it has read everything; read what it said.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16_384];
            String outcome = "closed";
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                    if (received.size() > 1_048_576 || complete(received.toByteArray())) {
                        outcome = "complete";
                        break;
                    }
                }
            } catch (SocketTimeoutException timeout) {
                outcome = "timeout";
            } catch (IOException reset) {
                outcome = "reset";
            }
            return parse(received.toByteArray(), outcome);
        } catch (IOException e) {
            return new Response(0, "", "", "connect-failed: " + e.getMessage());
        }
    }

    /** A full response arrived (Content-Length satisfied or the last chunk seen), no need to wait for close. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int cl = head.indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            int lineEnd = head.indexOf("\r\n", cl + 2);
            String value = head.substring(cl + 17, lineEnd < 0 ? head.length() : lineEnd)
                    .trim();
            try {
                return bytes.length - (end + 4) >= Long.parseLong(value);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (head.contains("transfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.substring(end + 4).startsWith("0\r\n\r\n");
        }
        return false;
    }

    private static Response parse(byte[] bytes, String outcome) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // Skip interim responses (100 Continue): the final answer is what counts.
        while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        if (!text.startsWith("HTTP/")) {
            return new Response(0, "", text, bytes.length == 0 ? outcome : "no-status-line");
        }
        int lineEnd = text.indexOf("\r\n");
        String statusLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts[1].trim());
        } catch (RuntimeException e) {
            return new Response(0, "", text, "bad-status-line");
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String headers = headEnd < 0 ? text : text.substring(0, headEnd);
        String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
        return new Response(status, headers, body, outcome);
    }
}
