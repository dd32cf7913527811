package io.liaison.review.campaign;

import io.liaison.identity.ActiveMembers;
import io.liaison.identity.Actor;
import io.liaison.notify.NewNotification;
import io.liaison.notify.NotificationKind;
import io.liaison.notify.Notifications;
import io.liaison.shared.Message;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What campaigns tell members through the notification centre, in their transaction: each owner
 * their share when one starts and, with pending items, before its deadline; its starter the summary
 * when it closes. The deadline is written in each recipient's zone.
 */
@Configuration(proxyBeanMethods = false)
class CampaignNotices {

    static final String ASSIGNED = "campaign.started";
    static final String REMINDER = "campaign.reminder";
    static final String CLOSED = "campaign.closed";

    /** How many members who did not finish the summary names; the rest are counted. */
    static final int NAMED = 10;

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;
    private final ActiveMembers members;

    CampaignNotices(Notifications notifications, ActiveMembers members) {
        this.notifications = notifications;
        this.members = members;
    }

    @Bean
    static NotificationKind reviewCampaign() {
        return new NotificationKind(
                ASSIGNED,
                "notify.kind.review.campaign",
                false,
                Set.of(NotificationKind.IN_APP, NotificationKind.EMAIL));
    }

    @Bean
    static NotificationKind reviewCampaignReminder() {
        return new NotificationKind(
                REMINDER, "notify.kind.review.campaign.reminder", false, Set.of(NotificationKind.IN_APP));
    }

    @Bean
    static NotificationKind reviewCampaignClosed() {
        return new NotificationKind(
                CLOSED, "notify.kind.review.campaign.closed", false, Set.of(NotificationKind.IN_APP));
    }

    /** Tells each owner how many of their contacts the campaign asks them to go through ({@code counts}, by owner). */
    void started(UUID orgId, UUID campaignId, String name, OffsetDateTime deadline, Map<UUID, Integer> counts) {
        tell(
                orgId,
                campaignId,
                name,
                deadline,
                counts,
                ASSIGNED,
                "notify.review.campaign.title",
                "notify.review.campaign.body");
    }

    /** Reminds each owner of their pending items ({@code counts}, by owner). */
    void remind(UUID orgId, UUID campaignId, String name, OffsetDateTime deadline, Map<UUID, Integer> counts) {
        tell(
                orgId,
                campaignId,
                name,
                deadline,
                counts,
                REMINDER,
                "notify.review.campaign.reminder.title",
                "notify.review.campaign.reminder.body");
    }

    /** Tells the starter what the closed campaign came to, naming the members who did not finish. */
    void closed(
            UUID orgId, UUID campaignId, String name, UUID starter, Campaign.Counts counts, List<String> unfinished) {
        String named = String.join(", ", unfinished.subList(0, Math.min(NAMED, unfinished.size())));
        Message others = unfinished.isEmpty()
                ? Message.of("notify.review.campaign.closed.all-done")
                : unfinished.size() > NAMED
                        ? Message.of("notify.review.campaign.closed.unfinished-more", named, unfinished.size() - NAMED)
                        : Message.of("notify.review.campaign.closed.unfinished", named);
        notifications.raise(new NewNotification(
                orgId,
                starter,
                CLOSED,
                Message.of("notify.review.campaign.closed.title", name),
                Message.of(
                        "notify.review.campaign.closed.body",
                        counts.confirmed(),
                        counts.updated(),
                        counts.invalid(),
                        counts.trashed(),
                        counts.pending(),
                        others),
                link(campaignId)));
    }

    static String link(UUID campaignId) {
        return "/review/campaigns/" + campaignId;
    }

    private void tell(
            UUID orgId,
            UUID campaignId,
            String name,
            OffsetDateTime deadline,
            Map<UUID, Integer> counts,
            String kind,
            String title,
            String body) {
        List<UUID> owners = new ArrayList<>(counts.keySet());
        for (int from = 0; from < owners.size(); from += ActiveMembers.MAX) {
            List<UUID> batch = owners.subList(from, Math.min(owners.size(), from + ActiveMembers.MAX));
            List<NewNotification> told = new ArrayList<>();
            for (Actor owner : members.actors(orgId, batch)) {
                told.add(new NewNotification(
                        orgId,
                        owner.memberId(),
                        kind,
                        Message.of(title, name),
                        Message.of(
                                body,
                                counts.get(owner.memberId()),
                                DEADLINE.format(deadline.atZoneSameInstant(owner.timeZone()))),
                        link(campaignId)));
            }
            notifications.raiseAll(told);
        }
    }
}
