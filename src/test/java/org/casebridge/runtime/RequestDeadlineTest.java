package org.casebridge.runtime;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
