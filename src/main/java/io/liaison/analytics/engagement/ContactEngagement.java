package io.liaison.analytics.engagement;

import io.liaison.access.ContactAccess;
import io.liaison.analytics.engagement.EngagementScore.Direction;
import io.liaison.analytics.engagement.EngagementScore.Week;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's engagement ({@link EngagementScore}) for the contact page and the API, for a live contact
 * the actor sees: one query reads the contact's figures of the last 91 days (and of the day of its
 * latest contact, when that is older), in the organization's days.
 */
@Service
public class ContactEngagement {

    private final EngagementRepository figures;
    private final ContactAccess access;

    ContactEngagement(EngagementRepository figures, ContactAccess access) {
        this.figures = figures;
        this.access = access;
    }

    /**
     * What the page and the API show. {@code lastActivityAt} is the contact's latest recorded contact
     * (a follow-up or a message), {@code lastActivityKind} what that day's figures say it was: a
     * follow-up if one was recorded that day, else a message from the contact, else one to it; null
     * when the day has no figures (a contact from before they were kept). {@code active}: anything
     * happened in the 91 days.
     */
    public record Engagement(
            @Nullable OffsetDateTime lastActivityAt,
            @Nullable Kind lastActivityKind,
            int score,
            List<Week> trend,
            Direction direction,
            boolean active) {}

    public enum Kind {
        FOLLOW_UP("follow-up"),
        MESSAGE_IN("message-in"),
        MESSAGE_OUT("message-out");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static @Nullable Kind of(EngagementScore.Day day) {
            if (day.followUps() > 0) {
                return FOLLOW_UP;
            }
            if (day.messagesIn() > 0) {
                return MESSAGE_IN;
            }
            return day.messagesOut() > 0 ? MESSAGE_OUT : null;
        }
    }

    /** The engagement of the contact {@code contactId}; 404 for one the actor does not see or in the trash. */
    @Transactional(readOnly = true)
    public Engagement of(Actor actor, UUID contactId) {
        LocalDate today = Instant.now().atZone(actor.organizationTimeZone()).toLocalDate();
        EngagementRepository.Figures found = figures.find(
                        contactId, access.visible(actor, "c"), actor.organizationTimeZone(), today)
                .orElseThrow(() -> LiaisonException.notFound("contact", contactId));
        EngagementScore.Result result = EngagementScore.of(found.days(), today);
        OffsetDateTime last = found.lastContactedAt();
        Kind kind = null;
        if (last != null) {
            LocalDate lastDay =
                    last.atZoneSameInstant(actor.organizationTimeZone()).toLocalDate();
            kind = found.days().stream()
                    .filter(d -> d.day().equals(lastDay))
                    .findFirst()
                    .map(Kind::of)
                    .orElse(null);
        }
        return new Engagement(last, kind, result.score(), result.trend(), result.direction(), result.active());
    }
}
