package io.liaison.push.core;

import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.chat.ChatPosts;
import io.liaison.identity.Actor;
import io.liaison.push.optout.UnsubscribeLinks;
import io.liaison.push.settings.PushSettings;
import io.liaison.push.settings.PushSettingsService;
import io.liaison.push.template.Rendered;
import io.liaison.push.template.Template;
import io.liaison.push.template.TemplateRenderer;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.QuietHoursEnd;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a push's recipients to where they are reached: each contact's own rendering to their e-mail
 * (with the link to unsubscribe) and the push's to each robot, through the delivery queue (held until
 * the organization's quiet hours end); the push's text into each customer group's chat, as its sender.
 */
@Component
class PushHandover {

    static final String MODULE = "push";

    private final RecipientRepository recipients;
    private final RecipientEnds ends;
    private final TemplateRenderer renderer;
    private final Deliveries deliveries;
    private final ChatPosts chat;
    private final PushSettingsService settings;
    private final TransactionTemplate transactions;
    private final UnsubscribeLinks unsubscribe;
    private final MessageSource texts;

    PushHandover(
            RecipientRepository recipients,
            RecipientEnds ends,
            TemplateRenderer renderer,
            Deliveries deliveries,
            ChatPosts chat,
            PushSettingsService settings,
            TransactionTemplate transactions,
            UnsubscribeLinks unsubscribe,
            MessageSource texts) {
        this.recipients = recipients;
        this.ends = ends;
        this.renderer = renderer;
        this.deliveries = deliveries;
        this.chat = chat;
        this.settings = settings;
        this.transactions = transactions;
        this.unsubscribe = unsubscribe;
        this.texts = texts;
    }

    /**
     * Writes the deliveries of a batch of e-mails and robots, in the caller's transaction. A subject
     * that renders empty (its variables had no value and no fallback) gives way to the push's name.
     */
    void messages(UUID orgId, Push push, ZoneId zone, Locale language, List<RecipientRepository.Due> due) {
        Template template = renderer.parse(orgId, push.subject(), push.body());
        Map<UUID, Rendered> perContact = renderer.render(
                orgId,
                template,
                due.stream()
                        .map(RecipientRepository.Due::contactId)
                        .filter(Objects::nonNull)
                        .toList());
        Rendered shared = renderer.renderWithout(template);
        Instant notBefore = quietEnd(orgId, zone);
        for (RecipientRepository.Due d : due) {
            Destination destination;
            Rendered rendered;
            if (d.contactId() != null) {
                rendered = perContact.get(d.contactId());
                if (rendered == null || d.address() == null) {
                    ends.end(orgId, push.id(), d.id(), "skipped", "contact-gone");
                    continue;
                }
                destination = Destination.email(d.address());
            } else {
                rendered = shared;
                destination = Destination.channel(Objects.requireNonNull(d.channelId()));
            }
            String title = rendered.subject().isEmpty() ? push.name() : rendered.subject();
            OutboundMessage message = d.contactId() == null
                    ? new OutboundMessage(title, rendered.text(), rendered.markdown(), null, null, null)
                    : email(title, rendered, unsubscribe.link(orgId, d.contactId()), language);
            List<UUID> ids =
                    deliveries.queue(orgId, destination, message, new DeliveryOrigin(MODULE, d.id(), false), notBefore);
            recipients.sending(orgId, push.id(), d.id(), ids.get(0));
        }
    }

    /** A customer group's post: its recipient, and why the chat refused it (null: posted). */
    private record Attempt(UUID recipientId, @Nullable String refusal) {}

    /**
     * Posts the push into each of its customer groups, one transaction each: posted ({@code sent}), or
     * skipped with the chat's reason (the sender is not in the group, may not post there, or it was
     * dissolved). Stops when the push is no longer sending.
     */
    void conversations(UUID orgId, Push sent, Actor sender, PushRepository pushes) {
        UUID pushId = sent.id();
        String markdown = renderer.renderWithout(renderer.parse(orgId, sent.subject(), sent.body()))
                .markdown();
        while (true) {
            Attempt attempt = transactions.execute(status -> {
                Push push = pushes.find(orgId, pushId).orElse(null);
                List<RecipientRepository.Due> next =
                        push == null || !push.state().equals(Push.SENDING)
                                ? List.of()
                                : recipients.dueConversations(orgId, pushId);
                if (next.isEmpty()) {
                    return null;
                }
                UUID recipientId = next.get(0).id();
                try {
                    chat.post(sender, Objects.requireNonNull(next.get(0).conversationId()), markdown);
                } catch (LiaisonException refused) {
                    // the chat's own transaction work is undone; the refusal is recorded in the next one
                    status.setRollbackOnly();
                    return new Attempt(recipientId, reason(refused));
                }
                ends.end(orgId, pushId, recipientId, "sent", null);
                return new Attempt(recipientId, null);
            });
            if (attempt == null) {
                return;
            }
            if (attempt.refusal() != null) {
                transactions.executeWithoutResult(
                        status -> ends.end(orgId, pushId, attempt.recipientId(), "skipped", attempt.refusal()));
            }
        }
    }

    /**
     * A contact's e-mail titled {@code title}, with the link to unsubscribe in its headers and at its
     * foot, in the organization's language.
     */
    private OutboundMessage email(String title, Rendered rendered, String link, Locale language) {
        String markdown = rendered.markdown() + "\n\n---\n\n"
                + texts.getMessage("push.email.unsubscribe.markdown", new Object[] {link}, language);
        String text = rendered.text() + "\n\n--\n"
                + texts.getMessage("push.email.unsubscribe.text", new Object[] {link}, language);
        return new OutboundMessage(title, text, markdown, null, link, null);
    }

    private static String reason(LiaisonException refused) {
        return switch (refused.status().value()) {
            case 404 -> "not-in-group";
            case 409 -> "conversation-dissolved";
            default -> "not-allowed-to-post";
        };
    }

    private @Nullable Instant quietEnd(UUID orgId, ZoneId zone) {
        PushSettings rules = settings.get(orgId);
        if (rules.quietStart() == null || rules.quietEnd() == null) {
            return null;
        }
        return QuietHoursEnd.after(Instant.now(), zone, rules.quietStart(), rules.quietEnd());
    }
}
