package io.liaison.shared.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The load client of the chat socket benchmark: N WebSocket clients ({@code java.net.http.WebSocket})
 * on one server, each noting when a posted message reaches it. A message's text carries {@code
 * bench:<step>:<number>:<nanoTime when posted>}; whatever frame carries it (Liaison's JSON or the
 * bare broadcaster's copy of the text), its latency is the receipt's {@code System.nanoTime()} minus
 * that, one clock in one JVM. Liaison's {@code {"type":"ping"}} frames are answered with a pong.
 */
final class SocketLoad implements AutoCloseable {

    static final String MARK = "bench:";
    private static final String PONG = "{\"type\":\"pong\"}";
    /** WebSockets per HttpClient: each client reads all of its sockets on one selector thread. */
    private static final int SOCKETS_PER_HTTP_CLIENT = 500;

    private static final int CONCURRENT_HANDSHAKES = 32;
    /**
     * The fewest messages of a step: every client receives a message at about the same time, so a
     * p99 over few messages is little more than the slowest of them.
     */
    static final int MIN_MESSAGES = 10;

    /** Posts a text: through the REST API to Liaison, as a frame to the broadcaster. */
    interface Poster extends AutoCloseable {

        void post(String text) throws Exception;

        /** Waits for the posts still under way; the number that failed since the last call. */
        int finish() throws Exception;
    }

    private final List<HttpClient> http = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<@Nullable Throwable> firstError = new AtomicReference<>();
    private volatile @Nullable Latencies current;

    /**
     * Connects one client per entry of {@code cookies} to {@code uri}, each sending its entry as the
     * {@code Cookie} header (none when it is empty), {@value #CONCURRENT_HANDSHAKES} handshakes at a
     * time; fails when any client could not connect.
     */
    static SocketLoad connect(URI uri, List<String> cookies) throws InterruptedException {
        SocketLoad load = new SocketLoad();
        for (int i = 0; i < cookies.size(); i += SOCKETS_PER_HTTP_CLIENT) {
            ExecutorService executor = Executors.newFixedThreadPool(2, daemon("socket-load"));
            load.executors.add(executor);
            load.http.add(HttpClient.newBuilder()
                    .executor(executor)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build());
        }
        Semaphore handshakes = new Semaphore(CONCURRENT_HANDSHAKES);
        List<CompletableFuture<WebSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < cookies.size(); i++) {
            handshakes.acquire();
            WebSocket.Builder builder = load.http
                    .get(i / SOCKETS_PER_HTTP_CLIENT)
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30));
            if (!cookies.get(i).isEmpty()) {
                builder.header("Cookie", cookies.get(i));
            }
            CompletableFuture<WebSocket> socket = builder.buildAsync(uri, load.new Client());
            socket.whenComplete((ws, e) -> handshakes.release());
            connecting.add(socket);
        }
        for (CompletableFuture<WebSocket> socket : connecting) {
            try {
                load.sockets.add(socket.join());
            } catch (RuntimeException e) {
                load.close();
                throw new IllegalStateException(
                        "Client " + connecting.indexOf(socket) + " of " + cookies.size() + " could not connect to "
                                + uri,
                        e);
            }
        }
        return load;
    }

    int clients() {
        return sockets.size();
    }

    /** Clients whose socket the server closed or that saw an error, and the first error. */
    String troubles() {
        Throwable first = firstError.get();
        return closed.get() + " closed, " + errors.get() + " failed" + (first == null ? "" : " (" + first + ")");
    }

    /**
     * Posts {@code rate} messages a second for {@code length} (but at least {@value #MIN_MESSAGES}
     * messages) through {@code poster}, each at its due time, then waits up to {@code drain} for the
     * deliveries still missing; those are then counted as missing (and any that arrive later are not
     * counted at all).
     */
    Latencies.Step run(Poster poster, int step, double rate, Duration length, Duration drain) throws Exception {
        int messages = Math.max(MIN_MESSAGES, (int) Math.round(rate * length.toNanos() / 1e9));
        Latencies latencies = new Latencies(step, (long) messages * sockets.size());
        current = latencies;
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            poster.post(MARK + step + ":" + i + ":" + System.nanoTime() + " 报价单已更新，请查收。The quote is updated.");
        }
        long posting = System.nanoTime() - start;
        int failed = poster.finish();
        long deadline = System.nanoTime() + drain.toNanos();
        while (latencies.received() < latencies.expected() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        current = null;
        return latencies.result(rate, messages, posting, failed);
    }

    /** A client that posts frames on {@code uri}: the bare broadcaster relays each to the others. */
    static Poster framePoster(URI uri) {
        HttpClient client = HttpClient.newHttpClient();
        WebSocket socket = client.newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {})
                .join();
        return new Poster() {
            private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(socket);
            private int failed;

            @Override
            public void post(String text) {
                sending = sending.handle((ws, e) -> {
                            if (e != null) {
                                failed++;
                            }
                            return socket;
                        })
                        .thenCompose(ws -> ws.sendText(text, true));
            }

            @Override
            public int finish() {
                try {
                    sending.join();
                } catch (RuntimeException e) {
                    failed++;
                }
                int count = failed;
                failed = 0;
                sending = CompletableFuture.completedFuture(socket);
                return count;
            }

            @Override
            public void close() {
                socket.abort();
            }
        };
    }

    /** Closes every client (a close frame, then the connection after at most 10 s). */
    @Override
    public void close() {
        List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
        synchronized (sockets) {
            for (WebSocket socket : sockets) {
                closing.add(socket.sendClose(WebSocket.NORMAL_CLOSURE, "").toCompletableFuture());
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception slow) {
            // the connections are aborted below in any case
        }
        synchronized (sockets) {
            sockets.forEach(WebSocket::abort);
            sockets.clear();
        }
        executors.forEach(ExecutorService::shutdownNow);
    }

    private void received(WebSocket socket, CharSequence frame, long now) {
        String text = frame.toString();
        int at = text.indexOf(MARK);
        if (at >= 0) {
            int step = text.indexOf(':', at + MARK.length());
            int number = text.indexOf(':', step + 1);
            int end = text.indexOf(' ', number + 1);
            Latencies latencies = current;
            if (latencies != null && Integer.parseInt(text, at + MARK.length(), step, 10) == latencies.step()) {
                latencies.record(now - Long.parseLong(text, number + 1, end, 10));
            }
        } else if (text.contains("\"type\":\"ping\"")) {
            socket.sendText(PONG, true);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One client: gathers a frame's parts and hands the whole frame on with the time its last part came. */
    private final class Client implements WebSocket.Listener {

        private @Nullable StringBuilder parts;

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            if (!last) {
                parts = (parts == null ? new StringBuilder() : parts).append(data);
            } else if (parts != null) {
                received(socket, parts.append(data), now);
                parts = null;
            } else {
                received(socket, data, now);
            }
            socket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.incrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, error);
        }
    }
}
