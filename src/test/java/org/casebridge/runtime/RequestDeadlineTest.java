package org.casebridge.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's deadline (README "Bad days", {@code casebridge.request.deadline}) runs from its arrival: a request whose
 * body arrives after it answers UNAVAILABLE without running. Only a real websocket handshake (a GET) goes without one,
 * so that a subscription lives on; an {@code Upgrade: websocket} header on a POST took a request out of its bound.
 */
@QuarkusTest
class RequestDeadlineTest {

    static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void aPostPastItsDeadlineAnswersUnavailableWhateverItsUpgradeHeader() throws Exception {
        String token = Tokens.of("cw.amani");
        CompletableFuture<JsonPath> plain = CompletableFuture.supplyAsync(() -> postWithLateBody(token, ""));
        CompletableFuture<JsonPath> upgrade = CompletableFuture.supplyAsync(() -> postWithLateBody(token,
                "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"));
        assertEquals("UNAVAILABLE", plain.get().getString("errors[0].extensions.code"), plain.get().prettify());
        assertEquals("UNAVAILABLE", upgrade.get().getString("errors[0].extensions.code"),
                "a POST with an Upgrade header has a deadline like any other: " + upgrade.get().prettify());
    }

    /**
     * Review 29 (finding 5): only the GraphQL path's real upgrade is a socket. SubscriptionSockets tracked every request
     * carrying a handshake's headers, on any path, each adding one more listener to its keep-alive connection's close
     * future: no token, no rate limit, and the server's memory grew with every such GET. The deadline used the same
     * test, so such a GET (to a CSV export, say) also ran without a deadline. Now a request elsewhere is an ordinary
     * request (not tracked, with a deadline: the same {@code RequestDeadline} test decides both), and a connection is
     * tracked once however many handshakes it carries to the GraphQL path.
     */
    @Test
    void requestsThatOnlyLookLikeAHandshakeDoNotPileUpOnTheirConnection() throws Exception {
        SubscriptionSockets sockets = Arc.container().instance(SubscriptionSockets.class).get();
        Field openField = SubscriptionSockets.class.getDeclaredField("open");
        openField.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<HttpConnection, ?> open = (Map<HttpConnection, ?>) openField.get(sockets);
        for (String path : List.of("/graphql?n=", "/not-a-socket-", "/aggregates/needs.csv?period=2025&n=")) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout((int) BOUND.toMillis());
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                List<Integer> statuses = new ArrayList<>();
                int afterFirst = -1;
                for (int i = 0; i < FAKE_HANDSHAKES; i++) {
                    // version 12: a handshake no server completes (RFC 6455 knows 13 only), so the connection stays HTTP
                    out.write(("GET " + path + i + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 12\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    statuses.add(readResponse(in));
                    if (i == 0) {
                        afterFirst = closeListeners(open, socket);
                    }
                }
                assertTrue(statuses.stream().noneMatch(s -> s == 101), "none upgraded: " + Set.copyOf(statuses));
                int afterAll = closeListeners(open, socket);
                if (path.startsWith("/graphql")) {
                    assertTrue(afterFirst > 0, "control: a handshake to the GraphQL path is tracked, whatever its outcome (statuses "
                            + Set.copyOf(statuses) + ")");
                    assertEquals(afterFirst, afterAll, FAKE_HANDSHAKES + " failed handshakes to the GraphQL path on one connection "
                            + "(statuses " + Set.copyOf(statuses) + ") grew its close listeners from " + afterFirst + " to " + afterAll);
                } else {
                    assertEquals(-1, afterAll, FAKE_HANDSHAKES + " GETs to " + path + "… with a handshake's headers (statuses "
                            + Set.copyOf(statuses) + ") are ordinary requests, yet their connection is tracked as a socket, with "
                            + afterAll + " close listeners");
                }
            }
        }
    }

    /** The close listeners of the tracked connection whose client end is {@code socket}, or -1 when it is not tracked. */
    private static int closeListeners(Map<HttpConnection, ?> open, Socket socket) throws IllegalAccessException {
        HttpConnection connection = open.keySet().stream().filter(c -> c.remoteAddress().port() == socket.getLocalPort())
                .findFirst().orElse(null);
        return connection == null ? -1 : listeners(((ConnectionBase) connection).closeFuture());
    }

    static final int FAKE_HANDSHAKES = 300;

    private static int listeners(Object future) throws IllegalAccessException {
        Object listener = field(future, "listener");
        return listener == null ? 0 : listener instanceof Collection<?> many ? many.size() : 1;
    }

    private static Object field(Object target, String name) throws IllegalAccessException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Field f : type.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f.get(target);
                }
            }
        }
        throw new IllegalStateException("no field " + name + " in " + target.getClass().getName());
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked) and returns its status. */
    private static int readResponse(InputStream in) throws java.io.IOException {
        String head = readUntil(in, "\r\n\r\n");
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("content-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length);
            in.readNBytes(Integer.parseInt(head.substring(length + 15, end < 0 ? head.length() : end).trim()));
        } else if (lower.contains("transfer-encoding: chunked")) {
            for (int size = Integer.parseInt(readUntil(in, "\r\n").trim(), 16); size > 0; size = Integer.parseInt(readUntil(in, "\r\n").trim(), 16)) {
                in.readNBytes(size + 2);
            }
            readUntil(in, "\r\n");
        }
        return status;
    }

    private static String readUntil(InputStream in, String end) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.US_ASCII).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.IOException("connection closed after " + bytes);
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.length() - end.length());
    }

    /** Sends the headers of a POST of {@code { __typename }}, then its body once the deadline has passed, and reads the answer. */
    private static JsonPath postWithLateBody(String token, String extraHeaders) {
        byte[] body = "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) BOUND.multipliedBy(3).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\n" + extraHeaders + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(BOUND.plusMillis(500).toMillis());
            out.write(body);
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            return JsonPath.from(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response up to the end of its JSON body (the connection stays open: HTTP/1.1 keep-alive). */
    private static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
            read.write(buffer, 0, n);
            String text = read.toString(StandardCharsets.UTF_8);
            int start = text.indexOf("\r\n\r\n");
            if (start >= 0) {
                String json = text.substring(start + 4);
                int open = json.indexOf('{');
                if (open >= 0 && balanced(json.substring(open))) {
                    return text;
                }
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static boolean balanced(String json) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return true;
            }
        }
        return false;
    }
}
