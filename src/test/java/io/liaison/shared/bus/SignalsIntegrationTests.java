package io.liaison.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LiaisonIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signals between nodes over LISTEN/NOTIFY, as a receiver sees them: a committed signal arrives, a
 * rolled-back one never does, a bad topic or an oversized payload is refused before anything is
 * sent, and after the listening connection is killed the next signals arrive again.
 */
@LiaisonIntegrationTest
class SignalsIntegrationTests {

    static final String TOPIC = "liaison_test_signals";
    static final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    static boolean registered;

    @Autowired
    Signals signals;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    /** Registers the receiver once and waits until a probe comes back, so that the topic is listened on. */
    void listening() throws InterruptedException {
        synchronized (received) {
            if (!registered) {
                signals.listen(TOPIC, received::add);
                registered = true;
            }
        }
        // the listening connection LISTENs on a new topic within its next poll (500 ms)
        for (int i = 0; i < 40; i++) {
            String probe = "probe-" + UUID.randomUUID();
            signals.send(TOPIC, probe);
            if (probe.equals(received.poll(250, TimeUnit.MILLISECONDS))) {
                received.clear();
                return;
            }
        }
        throw new AssertionError("the topic was never listened on");
    }

    @Test
    void aSignalLeavesWithItsCommitAndNeverWithARollback() throws Exception {
        listening();
        String kept = UUID.randomUUID().toString();
        String dropped = UUID.randomUUID().toString();
        transaction.executeWithoutResult(s -> {
            signals.send(TOPIC, kept);
            assertThat(poll(Duration.ofMillis(300)))
                    .as("nothing before the commit")
                    .isNull();
        });
        assertThat(poll(Duration.ofSeconds(5))).isEqualTo(kept);

        transaction.executeWithoutResult(s -> {
            signals.send(TOPIC, dropped);
            s.setRollbackOnly();
        });
        assertThat(poll(Duration.ofSeconds(1))).as("a rolled-back signal").isNull();
    }

    @Test
    void badTopicsAndLongPayloadsAreRefused() {
        assertThatThrownBy(() -> signals.send("Bad; DROP TABLE x", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signals.send(TOPIC, "x".repeat(Signals.MAX_PAYLOAD + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000");
    }

    @Test
    void signalsArriveAgainAfterTheListeningConnectionIsKilled() throws Exception {
        listening();
        List<Boolean> killed = jdbc.sql("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                         WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()
                        """).query(Boolean.class).list();
        assertThat(killed).as("the listening connection").isNotEmpty();
        listening();
        String after = UUID.randomUUID().toString();
        signals.send(TOPIC, after);
        assertThat(poll(Duration.ofSeconds(5))).isEqualTo(after);
    }

    static String poll(Duration wait) {
        try {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
