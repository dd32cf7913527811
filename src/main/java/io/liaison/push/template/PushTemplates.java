package io.liaison.push.template;

import io.liaison.identity.Actor;
import io.liaison.push.PushPermissions;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.LiaisonException.FieldError;
import io.liaison.shared.MergePatch;
import io.liaison.shared.Message;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's saved push templates, kept by those who may send pushes ({@code push.send}).
 * A template's variables are checked when it is saved, as a push's are.
 */
@Service
public class PushTemplates {

    public static final int MAX_NAME = 100;
    public static final int MAX_QUERY = 100;
    public static final int MAX_SUBJECT = TemplateSyntax.MAX_SUBJECT;
    public static final int MAX_BODY = TemplateSyntax.MAX_BODY;
    public static final Set<String> FIELDS = Set.of("name", "subject", "body");

    private final PushTemplateRepository templates;
    private final TemplateRenderer renderer;

    PushTemplates(PushTemplateRepository templates, TemplateRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    @Transactional(readOnly = true)
    public CursorPage<PushTemplate> list(
            Actor actor, @Nullable String q, @Nullable String cursor, @Nullable Integer limit) {
        requireSender(actor);
        int size = CursorPage.limit(limit);
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw LiaisonException.invalid("q", "invalid.max-length", MAX_QUERY);
        }
        List<PushTemplate> rows = templates.list(actor.orgId(), query, CursorPage.decode(cursor), size + 1);
        return CursorPage.of(rows, size, PushTemplate::id);
    }

    @Transactional(readOnly = true)
    public PushTemplate get(Actor actor, UUID id) {
        requireSender(actor);
        return templates.find(actor.orgId(), id).orElseThrow(() -> LiaisonException.notFound("push-template", id));
    }

    /** A new template of {@code name}, {@code subject} and {@code body}. */
    @Transactional
    public PushTemplate create(Actor actor, MergePatch fields) {
        requireSender(actor);
        String name = name(fields.text("name"));
        Template template = renderer.parse(actor.orgId(), fields.text("subject"), fields.text("body"));
        requireFreeName(actor, name, null);
        UUID id = Ids.newId();
        try {
            templates.insert(actor.orgId(), id, name, template, actor.memberId());
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return get(actor, id);
    }

    /** A JSON Merge Patch of name, subject and body; none of them may be cleared. */
    @Transactional
    public PushTemplate update(Actor actor, UUID id, MergePatch patch, @Nullable Long expectedVersion) {
        PushTemplate current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        String name = patch.has("name") ? name(patch.text("name")) : current.name();
        Template template = renderer.parse(
                actor.orgId(),
                patch.has("subject") ? patch.text("subject") : current.subject(),
                patch.has("body") ? patch.text("body") : current.body());
        requireFreeName(actor, name, id);
        boolean changed;
        try {
            changed = templates.update(actor.orgId(), id, name, template, current.version());
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        if (!changed) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
        return get(actor, id);
    }

    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        PushTemplate current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        if (!templates.delete(actor.orgId(), id, current.version())) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
    }

    static void requireSender(Actor actor) {
        if (!actor.can(PushPermissions.SEND)) {
            throw LiaisonException.forbidden("forbidden.push-send");
        }
    }

    private void requireFreeName(Actor actor, String name, @Nullable UUID except) {
        if (templates.nameTaken(actor.orgId(), name, except)) {
            throw nameTaken(name);
        }
    }

    private static LiaisonException nameTaken(String name) {
        return new LiaisonException(HttpStatus.CONFLICT, "push-template-name-taken", name);
    }

    private static String name(@Nullable String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw LiaisonException.invalid(List.of(
                    new FieldError("name", TemplateSyntax.label("name"), Message.of("invalid.length", 1, MAX_NAME))));
        }
        return clean;
    }
}
