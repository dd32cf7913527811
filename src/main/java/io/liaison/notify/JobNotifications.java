package io.liaison.notify;

import io.liaison.integration.ExportFinished;
import io.liaison.integration.ImportFinished;
import io.liaison.shared.Message;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Tells a member that their import or export ended, with its counts: the job runs in the background,
 * so its end is news although the member started it. See {@link ContactNotifications} for why this
 * is an {@code @ApplicationModuleListener}.
 */
@Configuration(proxyBeanMethods = false)
class JobNotifications {

    static final String IMPORT = "import-finished";
    static final String EXPORT = "export-finished";

    private final Notifications notifications;

    JobNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @Bean
    static NotificationKind importFinished() {
        return new NotificationKind(IMPORT, "notify.kind.import-finished", false, Set.of(NotificationKind.IN_APP));
    }

    @Bean
    static NotificationKind exportFinished() {
        return new NotificationKind(EXPORT, "notify.kind.export-finished", false, Set.of(NotificationKind.IN_APP));
    }

    @ApplicationModuleListener
    void on(ImportFinished event) {
        notifications.raise(new NewNotification(
                event.orgId(),
                event.memberId(),
                IMPORT,
                Message.of("notify.import.finished.title." + event.status(), event.fileName()),
                Message.of(
                        "notify.import.finished.body",
                        event.created(),
                        event.updated(),
                        event.unchanged(),
                        event.skipped(),
                        event.failed()),
                "/contacts/import"));
    }

    @ApplicationModuleListener
    void on(ExportFinished event) {
        notifications.raise(new NewNotification(
                event.orgId(),
                event.memberId(),
                EXPORT,
                Message.of(
                        "notify.export.finished.title." + event.status(),
                        event.format().toUpperCase(java.util.Locale.ROOT)),
                Message.of("notify.export.finished.body." + event.status(), event.rows()),
                "/contacts/export/" + event.jobId()));
    }
}
