package io.liaison.shared.database;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import sun.misc.Signal;

/**
 * Stops Liaison before its embedded PostgreSQL on SIGTERM and Ctrl-C. The JVM runs all shutdown
 * hooks at once, and zonky registers one that stops PostgreSQL at the first instant, while requests
 * are still draining and the pool is still open. Handling the signal ourselves closes the
 * application context first (the database bean goes last, as everything depends on it); only then
 * does the JVM exit and run the hooks, which find nothing left to do.
 */
class OrderlyShutdown {

    private static final Logger log = LoggerFactory.getLogger(OrderlyShutdown.class);

    private final ConfigurableApplicationContext context;
    private final AtomicBoolean stopping = new AtomicBoolean();

    OrderlyShutdown(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void handleStopSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), this::stop);
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal (-Xrs and the like): its shutdown hooks still stop everything.
                log.debug("Cannot handle SIG{}; shutdown hooks will stop PostgreSQL", name, e);
            }
        }
    }

    private void stop(Signal signal) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        log.info("Received SIG{}, stopping", signal.getName());
        // Not the signal's daemon thread: once Tomcat's threads end, the JVM would start to exit (and
        // run zonky's hook) halfway through closing the context, and stop at PostgreSQL's turn.
        Thread closer = new Thread(
                () -> {
                    try {
                        context.close();
                    } finally {
                        System.exit(128 + signal.getNumber());
                    }
                },
                "liaison-shutdown");
        closer.setDaemon(false);
        closer.start();
    }
}
