package io.liaison.review.campaign;

import io.liaison.contact.ContactTrashed;
import io.liaison.contact.ContactUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A contact saved while it waits in an open campaign is reviewed: its pending items are marked
 * updated, by whoever saved it. The campaign page's "update" opens the contact's form, so saving the
 * form is the action. A contact moved to the trash anywhere else is marked as moved to the trash, so
 * that the owner's list and the summary do not count it as still waiting.
 */
@Component
class CampaignContactUpdates {

    private final CampaignRepository campaigns;

    CampaignContactUpdates(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @ApplicationModuleListener
    void on(ContactUpdated event) {
        campaigns.markPending(event.orgId(), event.contactId(), event.actorId(), "update");
    }

    @ApplicationModuleListener
    void on(ContactTrashed event) {
        campaigns.markPending(event.orgId(), event.contactId(), event.actorId(), "trash");
    }
}
