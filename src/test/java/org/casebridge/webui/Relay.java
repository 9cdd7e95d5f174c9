package org.casebridge.webui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the API, so that a test can take the network away from a browser: {@link #cut()} closes
 * every connection through it (the subscription socket among them) and refuses new ones until {@link #restore()}.
 */
final class Relay implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    Relay(URL app) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        target = app.getPort();
        daemon(this::accept);
    }

    /** The app's address through the relay. */
    String url(URL app) {
        return "http://localhost:" + server.getLocalPort() + app.getPath();
    }

    void cut() {
        cut = true;
        open.forEach(Relay::quietlyClose);
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        quietlyClose(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket api = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(api);
                daemon(() -> pipe(client, api));
                daemon(() -> pipe(api, client));
            } catch (IOException e) {
                // the server socket closed, or one connection failed: the loop condition decides
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed: close both below
        } finally {
            for (Socket socket : new Socket[]{from, to}) {
                open.remove(socket);
                quietlyClose(socket);
            }
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietlyClose(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
