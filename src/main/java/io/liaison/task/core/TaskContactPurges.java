package io.liaison.task.core;

import io.liaison.contact.ContactPurged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A contact purged from the trash leaves every task that named it; the tasks stay. */
@Component
class TaskContactPurges {

    private final TaskRepository tasks;

    TaskContactPurges(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void on(ContactPurged event) {
        tasks.unlinkContact(event.orgId(), event.contactId());
    }
}
