package io.liaison.audit;

import io.liaison.shared.AuditableEvent;
import io.liaison.shared.PersonalDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every auditable event, synchronously and in the publisher's transaction, so that a change
 * and its audit row commit or roll back together. Deliberately not an {@code
 * ApplicationModuleListener}: those run after the commit, when a failure could no longer undo the
 * change.
 */
@Component
class AuditRecorder {

    private final AuditRepository entries;

    AuditRecorder(AuditRepository entries) {
        this.entries = entries;
    }

    @EventListener
    void record(AuditableEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // A change outside a writing transaction could commit without its audit row: a programming error.
            throw new IllegalStateException(event.getClass().getSimpleName() + " (" + event.action()
                    + ") was published outside a read-write transaction; it cannot be audited with its change");
        }
        entries.insert(event);
    }

    /**
     * The audit log keeps who did what, but not the values of a record whose personal data was erased;
     * the one place where entries change after they are written.
     */
    @EventListener
    void redact(PersonalDataErased event) {
        entries.redact(event.orgId(), event.targetType(), event.targetId());
    }
}
