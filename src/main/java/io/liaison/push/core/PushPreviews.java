package io.liaison.push.core;

import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.push.audience.Audience;
import io.liaison.push.audience.Audiences;
import io.liaison.push.template.PushTemplate;
import io.liaison.push.template.PushTemplates;
import io.liaison.push.template.Rendered;
import io.liaison.push.template.Template;
import io.liaison.push.template.TemplateRenderer;
import io.liaison.shared.LiaisonException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a push would say before it is made: how many it would be sent to now (as {@link
 * PushService#reach} counts them) and its rendering for a few of its contacts, or for the one the
 * sender picks, as e-mail (HTML and text) and as Markdown (robots and the chat).
 */
@Service
public class PushPreviews {

    /** The most contacts a preview renders the push for. */
    public static final int MAX_SAMPLES = 5;

    private final PushService pushes;
    private final Audiences audiences;
    private final TemplateRenderer renderer;
    private final PushTemplates templates;
    private final ContactAudience contacts;

    PushPreviews(
            PushService pushes,
            Audiences audiences,
            TemplateRenderer renderer,
            PushTemplates templates,
            ContactAudience contacts) {
        this.pushes = pushes;
        this.audiences = audiences;
        this.renderer = renderer;
        this.templates = templates;
        this.contacts = contacts;
    }

    /** The push's rendering for one contact of its audience. */
    public record PushPreviewSample(
            UUID contactId, @Schema(example = "张三") String contactName, Rendered rendered) {}

    /**
     * A push as it would go out now: {@code count} recipients it would be sent to (contacts not
     * skipped, customer groups and robots), its rendering for some of those contacts, and for the groups
     * and robots (every variable its fallback) when the audience has any.
     */
    public record PushPreview(
            @Schema(example = "102") int count,
            @ArraySchema(maxItems = MAX_SAMPLES) List<PushPreviewSample> samples,

            @Schema(description = "The rendering for customer groups and robots, which no contact's values fill")
            @Nullable
            Rendered groups) {}

    /**
     * Renders the saved template {@code templateId}, or {@code subject} and {@code body}, for up to
     * {@value #MAX_SAMPLES} contacts the push would be sent to, or for {@code contactId}: a contact the
     * sender does not see is not found, one they see outside the audience a 422.
     */
    @Transactional(readOnly = true)
    public PushPreview preview(
            Actor actor,
            Audience audience,
            @Nullable UUID templateId,
            @Nullable String subject,
            @Nullable String body,
            @Nullable UUID contactId) {
        PushService.Reach reach = pushes.reach(actor, audience);
        Template template = template(actor, templateId, subject, body);
        Map<UUID, Optional<String>> chosen =
                audiences.sample(actor, audience, pushes.caps(actor), contactId, contactId == null ? MAX_SAMPLES : 1);
        if (contactId != null && !inAudience(chosen, contactId)) {
            if (contacts.visibleNames(actor, List.of(contactId)).isEmpty()) {
                throw LiaisonException.notFound("contact", contactId);
            }
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "push-preview-not-in-audience");
        }
        Map<UUID, Rendered> rendered = renderer.render(actor.orgId(), template, chosen.keySet());
        Map<UUID, String> names = contacts.visibleNames(actor, chosen.keySet());
        List<PushPreviewSample> samples = new ArrayList<>();
        for (UUID id : chosen.keySet()) {
            if (rendered.containsKey(id) && names.containsKey(id)) {
                samples.add(new PushPreviewSample(id, names.get(id), rendered.get(id)));
            }
        }
        int count = reach.contacts().getOrDefault("queued", 0) + reach.conversations() + reach.channels();
        boolean others =
                !audience.conversationIds().isEmpty() || !audience.channelIds().isEmpty();
        return new PushPreview(count, samples, others ? renderer.renderWithout(template) : null);
    }

    private Template template(Actor actor, @Nullable UUID templateId, @Nullable String subject, @Nullable String body) {
        boolean given = (subject != null && !subject.isBlank()) || (body != null && !body.isBlank());
        if (templateId != null && !given) {
            PushTemplate saved = templates.get(actor, templateId);
            return renderer.parse(actor.orgId(), saved.subject(), saved.body());
        }
        if (!given) {
            throw LiaisonException.invalid("content", "invalid.required");
        }
        return renderer.parse(actor.orgId(), subject, body);
    }

    /** Whether the sender sees the contact in the audience (sent to or skipped for another reason). */
    private static boolean inAudience(Map<UUID, Optional<String>> chosen, UUID contactId) {
        Optional<String> reason = chosen.get(contactId);
        return reason != null && !reason.filter("invisible"::equals).isPresent();
    }
}
