package io.liaison.integration;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import io.liaison.contact.ContactImport;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Why a job failed, and whether trying it again could help. A failure that will fail again (a
 * refusal, a file the writer cannot write, a bug) ends the job {@code failed} with its reason at
 * once; a transient one (the database out of reach, a node shutting down) is retried {@link
 * #ATTEMPTS} times in all, a minute apart, then ends the job {@code failed} too. Reasons are
 * stored as messages, said in the language of whoever reads them.
 */
@Component
class JobFailures {

    static final int ATTEMPTS = 3;
    static final Duration RETRY_DELAY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    private final StoredMessages texts;

    JobFailures(StoredMessages texts) {
        this.texts = texts;
    }

    /** A refusal's problem detail, stored to be said in the language of whoever reads it. */
    String reason(LiaisonException e) {
        return texts.store(ContactImport.reason(e));
    }

    /** One of the settled reasons ({@code job.failure.*}), stored to be said in the reader's language. */
    String reason(Message reason) {
        return texts.store(reason);
    }

    /**
     * A message of the messages bundle: {0} a record's own reason when the file could not be read,
     * else that the details are in the server's log (a library's words are in no bundle, and the
     * callers log the failure), {1} the number of tries.
     */
    String reason(String code, Throwable failure) {
        Message words =
                failure instanceof UnreadableRecord unreadable ? unreadable.reason() : Message.of("job.failure.in-log");
        return texts.store(Message.of(code, words, ATTEMPTS));
    }

    /**
     * The reason a run of {@code job} ("Import", "Export") that threw {@code failure} ends with, stored
     * to be said in the reader's language: a refusal's own, or the server's for a failure that would come again. A
     * transient failure is thrown again instead, for db-scheduler to try the job again.
     */
    String reasonOrRetry(String job, UUID id, RuntimeException failure) {
        if (failure instanceof LiaisonException e) {
            return reason(e);
        }
        if (isTransient(failure)) {
            log.warn("{} {} failed for a reason that may pass; it is tried again", job, id, failure);
            throw failure;
        }
        log.error("{} {} failed; it would fail again, so it is not retried", job, id, failure);
        return reason("job.failure.server", failure);
    }

    /** Does the failure come from something outside the job that may be back on the next try? */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // 08: the connection was lost; 57P: the server is shutting down; 40001/40P01: retry the transaction.
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")
                        || state.startsWith("57P")
                        || state.equals("40001")
                        || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * db-scheduler's handling of a task that threw (only transient failures are thrown): tried
     * again a minute later, and past {@link #ATTEMPTS} tries stopped, with {@code exhausted} told.
     */
    static <T> FailureHandler<T> retryTransient(BiConsumer<T, Throwable> exhausted) {
        return new FailureHandler.MaxRetriesFailureHandler<>(
                ATTEMPTS - 1, new FailureHandler.OnFailureRetryLater<>(RETRY_DELAY), (complete, operations) -> {
                    operations.stop();
                    exhausted.accept(data(complete), cause(complete));
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T data(ExecutionComplete complete) {
        return (T) complete.getExecution().taskInstance.getData();
    }

    private static Throwable cause(ExecutionComplete complete) {
        return complete.getCause().orElseGet(() -> new IllegalStateException("failed"));
    }
}
