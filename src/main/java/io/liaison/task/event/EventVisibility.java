package io.liaison.task.event;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import io.liaison.task.core.LinkRule;
import org.springframework.stereotype.Component;

/**
 * Which calendar events an actor sees and changes, as SQL over an event row, by the rule of tasks
 * ({@link LinkRule}): those they made, those they attend, those with a contact they see, and with
 * {@code task.manage} those made or attended by a member their data scope covers; one who sees an
 * event only through a contact does not change it.
 */
@Component
class EventVisibility {

    private static final LinkRule RULE = new LinkRule("calendar_event_member", "calendar_event_contact", "event_id");

    private final ContactAccess contacts;

    EventVisibility(ContactAccess contacts) {
        this.contacts = contacts;
    }

    /** May {@code actor} see the event row {@code alias}? */
    SqlFragment visible(Actor actor, String alias) {
        return RULE.visible(contacts, actor, alias);
    }

    /** May {@code actor} change or cancel the event row {@code alias}? */
    SqlFragment editable(Actor actor, String alias) {
        return RULE.editable(actor, alias);
    }
}
