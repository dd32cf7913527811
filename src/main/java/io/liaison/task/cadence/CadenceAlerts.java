package io.liaison.task.cadence;

import io.liaison.notify.NewNotification;
import io.liaison.notify.NotificationKind;
import io.liaison.notify.Notifications;
import io.liaison.shared.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings newly due contacts up to their owners, once per due period: one batch of an organization's
 * due contacts is claimed and told in one transaction, one notification per owner (naming the contact
 * when there is one, counting them when there are several), so that a lapsed tag cadence over many
 * contacts does not bury an owner under a notification each.
 */
@Configuration(proxyBeanMethods = false)
class CadenceAlerts {

    static final String KIND = "cadence.due";
    /** How many contacts' names a summary lists before it says only how many more there are. */
    static final int NAMED = 3;

    private final AlertRepository alerts;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final int batch;

    CadenceAlerts(
            AlertRepository alerts,
            Notifications notifications,
            TransactionTemplate transaction,
            CadenceSettings settings) {
        this.alerts = alerts;
        this.notifications = notifications;
        this.transaction = transaction;
        this.batch = settings.batch();
    }

    @Bean
    static NotificationKind cadenceDue() {
        return new NotificationKind(KIND, "notify.kind.cadence.due", false, Set.of(NotificationKind.IN_APP));
    }

    /**
     * Claims and tells one batch of the organization's newly due contacts; answers how many, so that a
     * full batch is followed by another.
     */
    int raise(UUID orgId) {
        Integer raised = transaction.execute(status -> {
            List<AlertRepository.Claimed> claimed = alerts.claim(orgId, batch);
            Map<UUID, List<AlertRepository.Claimed>> byOwner = new LinkedHashMap<>();
            claimed.forEach(c ->
                    byOwner.computeIfAbsent(c.ownerId(), o -> new ArrayList<>()).add(c));
            byOwner.forEach((owner, contacts) -> notifications.raise(notification(orgId, owner, contacts)));
            return claimed.size();
        });
        return raised == null ? 0 : raised;
    }

    /** Full batches means more may wait. */
    boolean full(int raised) {
        return raised >= batch;
    }

    List<UUID> organizations() {
        return alerts.organizations();
    }

    private static NewNotification notification(UUID orgId, UUID owner, List<AlertRepository.Claimed> contacts) {
        if (contacts.size() == 1) {
            AlertRepository.Claimed one = contacts.get(0);
            return new NewNotification(
                    orgId,
                    owner,
                    KIND,
                    Message.of("cadences.alert.title.one", one.name()),
                    Message.of("cadences.alert.body.one", one.name()),
                    "/contacts/" + one.contactId());
        }
        List<Object> args = new ArrayList<>(contacts.stream()
                .limit(NAMED)
                .map(AlertRepository.Claimed::name)
                .toList());
        int more = contacts.size() - args.size();
        if (more > 0) {
            args.add(more);
        }
        return new NewNotification(
                orgId,
                owner,
                KIND,
                Message.of("cadences.alert.title.many", contacts.size()),
                Message.of(
                        more > 0 ? "cadences.alert.body.more" : "cadences.alert.body." + args.size(), args.toArray()),
                "/cadences/due");
    }
}
