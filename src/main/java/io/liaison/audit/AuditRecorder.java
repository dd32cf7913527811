package io.liaison.audit;

import io.liaison.shared.AuditableEvent;
import io.liaison.shared.PersonalDataErased;
import io.liaison.shared.RecordNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final List<RecordNames> recordNames;

    AuditRecorder(AuditRepository entries, List<RecordNames> recordNames) {
        this.entries = entries;
        this.recordNames = recordNames;
    }

    @EventListener
    void record(AuditableEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // A change outside a writing transaction could commit without its audit row: a programming error.
            throw new IllegalStateException(event.getClass().getSimpleName() + " (" + event.action()
                    + ") was published outside a read-write transaction; it cannot be audited with its change");
        }
        entries.insert(event, names(event));
    }

    /**
     * The names of the actor, the target and every id among the values, as they are in this
     * transaction; a target already deleted is named by the name its values hold.
     */
    private Map<String, String> names(AuditableEvent event) {
        Map<String, String> names = new LinkedHashMap<>();
        RecordNames.of(
                        recordNames,
                        event.orgId(),
                        RecordNames.mentioned(event.actorId(), event.targetId(), event.before(), event.after()))
                .forEach((id, name) -> names.put(id.toString(), name));
        if (!names.containsKey(event.targetId().toString())) {
            for (String field : List.of("name", "displayName", "label")) {
                Object name = event.before().containsKey(field)
                        ? event.before().get(field)
                        : event.after().get(field);
                if (name instanceof String text) {
                    names.put(event.targetId().toString(), text);
                    break;
                }
            }
        }
        return names;
    }

    /**
     * The audit log keeps who did what, but not the values nor the name of a record whose personal
     * data was erased; the one place where entries change after they are written.
     */
    @EventListener
    void redact(PersonalDataErased event) {
        entries.redact(event.orgId(), event.targetType(), event.targetId());
    }
}
