package io.linehub.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A partner's HTTP endpoint in any JSON shape: records each POST body as text (only when it answers
 * 2xx) and can be told to answer an error status for a while, as a partner outage.
 */
final class HttpInbox implements AutoCloseable {

    private final List<String> bodies = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile int status = 200;
    private volatile int refused;

    HttpInbox(String path) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(executor);
        server.createContext(path, http -> {
            try (http; InputStream in = http.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int answer = status;
                if (answer / 100 == 2) {
                    synchronized (bodies) {
                        bodies.add(body);
                    }
                } else {
                    refused++;
                }
                http.sendResponseHeaders(answer, -1);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(int httpStatus) {
        this.status = httpStatus;
    }

    int refusedCount() {
        return refused;
    }

    List<String> bodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
