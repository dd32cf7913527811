package io.liaison.review.web;

import io.liaison.contact.ContactFilter;
import io.liaison.review.campaign.CampaignService;
import io.liaison.shared.web.ViewerTimes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The start form as it sends itself: a name, the contact list's filter (search, tags with "any" or
 * "all", owner), the deadline as the viewer's local date and time, and a note.
 */
record CampaignForm(
        @Nullable String name,
        @Nullable String q,
        @Nullable List<UUID> tagId,
        @Nullable String tagMode,
        @Nullable UUID ownerId,
        @Nullable String deadline,
        @Nullable String note) {

    static CampaignForm empty() {
        return new CampaignForm(null, null, null, "any", null, null, null);
    }

    public List<UUID> tagIds() {
        return tagId == null ? List.of() : tagId.stream().distinct().toList();
    }

    public boolean anyTag() {
        return !"all".equals(tagMode);
    }

    /** The service's request; a deadline that is no date and time is a 400 naming it. */
    CampaignService.NewCampaign campaign() {
        String text = q == null || q.isBlank() ? null : q.strip();
        ContactFilter filter = new ContactFilter(
                text, tagIds(), !anyTag(), ownerId, null, null, null, null, null, null, null, null, Map.of());
        return new CampaignService.NewCampaign(name, filter, ViewerTimes.parseDateTime("deadline", deadline), note);
    }
}
