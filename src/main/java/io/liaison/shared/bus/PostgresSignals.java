package io.liaison.shared.bus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link Signals} over PostgreSQL: {@code pg_notify} on the caller's connection, so that the signal
 * leaves with its transaction's commit; one connection per node LISTENs on every topic a receiver
 * asked for and hands each signal to the receivers on a small pool. The connection is taken again
 * within a second after a failure, and LISTENs again on every topic.
 */
@Component
class PostgresSignals implements Signals, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9_]{1,63}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, List<Consumer<String>>> receivers = new ConcurrentHashMap<>();
    /** Topics LISTENed on by the current connection; emptied when it is taken again. */
    private final Set<String> listening = ConcurrentHashMap.newKeySet();

    private volatile ExecutorService handlers = Executors.newSingleThreadExecutor();
    private volatile boolean running;
    private Thread listener = new Thread(this::listen);

    PostgresSignals(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void send(String topic, String payload) {
        check(topic);
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A signal's payload is at most " + MAX_PAYLOAD + " characters");
        }
        jdbc.sql("SELECT pg_notify(?, ?)")
                .params(topic, payload)
                .query((rs, n) -> 1)
                .list();
    }

    @Override
    public void listen(String topic, Consumer<String> receiver) {
        check(topic);
        receivers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(receiver);
    }

    private static void check(String topic) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("A signal's topic is 1 to 63 lower-case letters, digits or _: " + topic);
        }
    }

    private void listen() {
        while (running) {
            listening.clear();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    for (String topic : receivers.keySet()) {
                        if (listening.add(topic)) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("LISTEN " + topic);
                            }
                        }
                    }
                    PGNotification[] signals = pg.getNotifications(500);
                    if (signals != null) {
                        for (PGNotification signal : signals) {
                            deliver(signal.getName(), signal.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The LISTEN connection for signals failed; taking another", e);
                    pause();
                }
            }
        }
    }

    private void deliver(String topic, String payload) {
        for (Consumer<String> receiver : receivers.getOrDefault(topic, List.of())) {
            handlers.execute(() -> {
                try {
                    receiver.accept(payload);
                } catch (RuntimeException e) {
                    log.error("A receiver of signals on {} failed", topic, e);
                }
            });
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        handlers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "liaison-signals-receiver");
            thread.setDaemon(true);
            return thread;
        });
        listener = new Thread(this::listen, "liaison-signals");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handlers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
