package io.liaison.push.optout;

import io.liaison.contact.ContactPurged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A contact purged from the trash leaves nothing behind here either: not its opt-out, nor its history. */
@Component
class ConsentPurge {

    private final JdbcClient jdbc;

    ConsentPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void purged(ContactPurged event) {
        jdbc.sql("DELETE FROM push_opt_out WHERE org_id = ? AND contact_id = ?")
                .params(event.orgId(), event.contactId())
                .update();
        jdbc.sql("DELETE FROM push_consent_change WHERE org_id = ? AND contact_id = ?")
                .params(event.orgId(), event.contactId())
                .update();
    }
}
