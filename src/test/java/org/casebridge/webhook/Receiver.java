package org.casebridge.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A partner system's webhook receiver on loopback, started by a test: it records every request it gets. */
final class Receiver implements AutoCloseable {

    enum Mode { OK, FAIL, REDIRECT, SLOW, UNHURRIED, HUGE, HOLD }

    record Received(String path, String id, String timestamp, String signature, String body, String host) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.OK;
    /** Run on every request after it is recorded, before it is answered. */
    volatile java.util.function.Consumer<Received> onRequest = r -> { };
    volatile String redirectTo = "http://127.0.0.1:9/elsewhere";
    /** In {@link Mode#HOLD}, requests are recorded and left unanswered until this is counted down. */
    final CountDownLatch released = new CountDownLatch(1);
    private final SSLContext tls;
    private HttpServer server;
    private int port;

    Receiver() {
        this(0);
    }

    Receiver(int port) {
        this.tls = null;
        start(port);
    }

    /** A receiver speaking HTTPS with the certificate of {@code tls}. */
    Receiver(SSLContext tls) {
        this.tls = tls;
        start(0);
    }

    private void start(int wanted) {
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", wanted);
            if (tls == null) {
                server = HttpServer.create(address, 50);
            } else {
                HttpsServer https = HttpsServer.create(address, 50);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The receiver goes down: connections are refused until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    int port() {
        return port;
    }

    void restart() {
        start(port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"), body,
                exchange.getRequestHeaders().getFirst("host")));
        onRequest.accept(received.get(received.size() - 1));
        switch (mode) {
            case OK -> answer(exchange, 204, new byte[0]);
            case FAIL -> answer(exchange, 503, "down for maintenance".getBytes(StandardCharsets.UTF_8));
            case REDIRECT -> {
                exchange.getResponseHeaders().add("Location", redirectTo);
                answer(exchange, 302, new byte[0]);
            }
            case SLOW -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200, new byte[0]);
            }
            case UNHURRIED -> {
                try {
                    Thread.sleep(600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 204, new byte[0]);
            }
            case HOLD -> {
                try {
                    released.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 204, new byte[0]);
            }
            case HUGE -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 64; i++) out.write(chunk);
                } catch (IOException hungUp) {
                    // the sender stops reading at its cap and hangs up
                }
                exchange.close();
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
