package io.liaison.push.template;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.CustomFieldLabels;
import io.liaison.shared.LiaisonException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a push's subject and body against the organization's variables and renders them: for many
 * contacts at once (their values read in one statement), for a customer group or a robot (no
 * contact: every variable becomes its fallback), and as a preview for one contact the actor sees.
 */
@Service
public class TemplateRenderer {

    /** The most contacts {@link #render} takes at once. */
    public static final int MAX_CONTACTS = 1_000;

    private final ContactValueRepository values;
    private final CustomFieldLabels fields;
    private final ContactAccess access;

    TemplateRenderer(ContactValueRepository values, CustomFieldLabels fields, ContactAccess access) {
        this.values = values;
        this.fields = fields;
        this.access = access;
    }

    /**
     * The template of a subject (at most 200 characters) and a Markdown body (at most 20,000) with
     * at most 100 variables; an unknown variable or custom field, or braces left open, is a 400 that
     * names it.
     */
    @Transactional(readOnly = true)
    public Template parse(UUID orgId, @Nullable String subject, @Nullable String body) {
        return TemplateSyntax.parse(
                subject, body, new HashSet<>(fields.labels(orgId).keySet()));
    }

    /**
     * The template rendered for each of {@code contactIds} of the organization (at most 1,000), by
     * contact id; a contact that does not exist, is another organization's or is in the trash is
     * left out of the answer.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Rendered> render(UUID orgId, Template template, Collection<UUID> contactIds) {
        if (contactIds.size() > MAX_CONTACTS) {
            throw LiaisonException.tooMany("contactIds", MAX_CONTACTS);
        }
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        List<String> keys = List.copyOf(template.fieldKeys());
        Map<UUID, Rendered> rendered = new LinkedHashMap<>();
        values.read(orgId, contactIds, keys, null)
                .forEach((id, contact) -> rendered.put(id, Rendering.render(template, contact)));
        return rendered;
    }

    /** The template for a recipient that is no contact (a customer group, a robot): fallbacks only. */
    public Rendered renderWithout(Template template) {
        return Rendering.render(template, ContactValues.NONE);
    }

    /** The template for one contact the actor sees; any other is not found, as the contact API answers. */
    @Transactional(readOnly = true)
    public Rendered preview(Actor actor, Template template, UUID contactId) {
        List<String> keys = List.copyOf(template.fieldKeys());
        ContactValues contact = values.read(actor.orgId(), List.of(contactId), keys, access.visible(actor, "c"))
                .get(contactId);
        if (contact == null) {
            throw LiaisonException.notFound("contact", contactId);
        }
        return Rendering.render(template, contact);
    }
}
