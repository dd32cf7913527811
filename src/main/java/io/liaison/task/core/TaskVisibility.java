package io.liaison.task.core;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import org.springframework.stereotype.Component;

/**
 * Which tasks an actor sees, as SQL over a task row ({@link LinkRule}): those they made, those
 * assigned to them, those linked to a contact they see, and with {@code task.manage} those made by or
 * assigned to a member their data scope covers.
 */
@Component
class TaskVisibility {

    private static final LinkRule RULE = new LinkRule("task_assignee", "task_contact", "task_id");

    private final ContactAccess contacts;

    TaskVisibility(ContactAccess contacts) {
        this.contacts = contacts;
    }

    /** May {@code actor} see the task row {@code alias}? */
    SqlFragment visible(Actor actor, String alias) {
        return RULE.visible(contacts, actor, alias);
    }
}
