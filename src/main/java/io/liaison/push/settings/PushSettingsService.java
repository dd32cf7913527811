package io.liaison.push.settings;

import io.liaison.identity.Actor;
import io.liaison.push.PushPermissions;
import io.liaison.push.PushSettingsChanged;
import io.liaison.shared.LiaisonException;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the organization's push settings for everyone who sends; those who approve pushes change them. */
@Service
public class PushSettingsService {

    private final PushSettingsRepository settings;
    private final ApplicationEventPublisher events;

    PushSettingsService(PushSettingsRepository settings, ApplicationEventPublisher events) {
        this.settings = settings;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public PushSettings get(UUID orgId) {
        return settings.find(orgId);
    }

    /** Replaces the settings; audited with what changed. */
    @Transactional
    public PushSettings put(Actor actor, PushSettings next) {
        if (!actor.can(PushPermissions.APPROVE)) {
            throw LiaisonException.forbidden("forbidden.push-settings");
        }
        next.checked();
        PushSettings current = settings.find(actor.orgId());
        if (!current.equals(next)) {
            settings.save(actor.orgId(), next);
            events.publishEvent(
                    new PushSettingsChanged(actor.orgId(), actor.memberId(), current.values(), next.values()));
        }
        return next;
    }
}
