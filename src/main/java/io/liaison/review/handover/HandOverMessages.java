package io.liaison.review.handover;

import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryEnded;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The message a hand-over sends its contacts ("your new contact is ..."), by e-mail to each contact's
 * first address through the server's SMTP settings: one delivery row each, queued in the batch's
 * transaction, its state kept for the contact and followed to its end ({@link DeliveryEnded}).
 */
@Component
class HandOverMessages {

    static final String MODULE = "review";
    static final String EMAIL = "email";
    static final int MAX_TEXT = 2_000;

    private final HandOverRepository handOvers;
    private final ContactAudience audience;
    private final Deliveries deliveries;
    private final MessageSource texts;
    private final JdbcClient jdbc;

    HandOverMessages(
            HandOverRepository handOvers,
            ContactAudience audience,
            Deliveries deliveries,
            MessageSource texts,
            JdbcClient jdbc) {
        this.handOvers = handOvers;
        this.audience = audience;
        this.deliveries = deliveries;
        this.texts = texts;
        this.jdbc = jdbc;
    }

    /** The message as the contacts read it: the administrator's text, then who follows them now. */
    OutboundMessage letter(String language, String text, String name, @Nullable String mobile, @Nullable String email) {
        Locale locale = Locale.forLanguageTag(language);
        StringBuilder reach = new StringBuilder();
        for (String way : new String[] {mobile, email}) {
            if (way != null && !way.isBlank()) {
                reach.append(reach.isEmpty() ? "" : " · ").append(way);
            }
        }
        String who = texts.getMessage(
                reach.isEmpty() ? "review.handover.letter.who" : "review.handover.letter.whoReach",
                new Object[] {name, reach.toString()},
                locale);
        String title = texts.getMessage("review.handover.letter.title", new Object[] {name}, locale);
        return OutboundMessage.of(title, text.strip() + "\n\n" + who);
    }

    OutboundMessage letter(String language, String text, Member to) {
        return letter(language, text, to.displayName(), to.mobile(), to.email());
    }

    /**
     * Records the contacts a batch moved, queuing the message to each that has an e-mail address when
     * the hand-over has one; answers how many were queued.
     */
    int send(Actor actor, HandOver h, List<UUID> moved) {
        if (moved.isEmpty()) {
            return 0;
        }
        if (h.message() == null) {
            moved.forEach(contact -> handOvers.moved(actor.orgId(), h.id(), contact, "none", null, null));
            return 0;
        }
        OutboundMessage letter = receiver(actor.orgId(), h);
        SqlFragment select = audience.select(actor, null, moved);
        List<Recipient> recipients = new ArrayList<>(jdbc.sql(select.sql())
                .params(select.params())
                .query(Recipient.class)
                .list());
        int queued = 0;
        for (Recipient r : recipients) {
            if (r.email() == null || !r.visible()) {
                handOvers.moved(actor.orgId(), h.id(), r.contactId(), "skipped", null, null);
                continue;
            }
            List<UUID> rows = deliveries.queue(
                    actor.orgId(),
                    Destination.email(r.email()),
                    letter,
                    new DeliveryOrigin(MODULE, h.id(), false),
                    null);
            handOvers.moved(actor.orgId(), h.id(), r.contactId(), "queued", r.email(), rows.get(0));
            queued++;
        }
        return queued;
    }

    record Recipient(
            UUID contactId, boolean visible, @Nullable String email) {}

    private OutboundMessage receiver(UUID orgId, HandOver h) {
        Receiver to = jdbc.sql("SELECT display_name, mobile, email FROM member WHERE org_id = ? AND id = ?")
                .params(orgId, h.toMember())
                .query(Receiver.class)
                .single();
        return letter(h.language(), String.valueOf(h.message()), to.displayName(), to.mobile(), to.email());
    }

    record Receiver(
            String displayName,
            @Nullable String mobile,
            @Nullable String email) {}

    @ApplicationModuleListener
    void on(DeliveryEnded event) {
        if (MODULE.equals(event.origin().module())) {
            handOvers.delivered(event.orgId(), event.deliveryId(), event.state());
        }
    }
}
