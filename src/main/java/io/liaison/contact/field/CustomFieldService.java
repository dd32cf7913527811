package io.liaison.contact.field;

import io.liaison.contact.ContactSettingChanged;
import io.liaison.contact.CustomField;
import io.liaison.contact.SetupPermissions;
import io.liaison.identity.Actor;
import io.liaison.shared.CustomFieldLabels;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.SortOrder;
import io.liaison.shared.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The custom fields of the actor's organization: everyone reads them, administrators define them. */
@Service
public class CustomFieldService implements CustomFieldLabels {

    /** What a PATCH may carry; {@code key} and {@code type} are accepted only unchanged. */
    public static final Set<String> PATCHABLE = Set.of("label", "options", "required", "order", "key", "type");

    public static final int MAX_FIELDS = 100;
    public static final int MAX_OPTIONS = 200;
    /** The most characters of a field's label and of each of its options. */
    public static final int MAX_LABEL = 50;

    public static final String KEY_PATTERN = "^[a-z][a-z0-9_]{0,39}$";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final CustomFieldRepository fields;
    private final ApplicationEventPublisher events;

    CustomFieldService(CustomFieldRepository fields, ApplicationEventPublisher events) {
        this.fields = fields;
        this.events = events;
    }

    /** A field to define, as an administrator fills it in. */
    public record NewCustomField(
            @Nullable String key,
            @Nullable String label,
            @Nullable String type,
            @Nullable List<String> options,
            boolean required,
            @Nullable Integer order) {}

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> labels(UUID orgId) {
        Map<String, String> labels = new HashMap<>();
        fields.findAll(orgId).forEach(f -> labels.put(f.key(), f.label()));
        return labels;
    }

    @Transactional(readOnly = true)
    public List<CustomField> list(Actor actor) {
        return fields.findAll(actor.orgId());
    }

    @Transactional(readOnly = true)
    public CustomField get(Actor actor, UUID id) {
        return fields.find(actor.orgId(), id).orElseThrow(() -> LiaisonException.notFound("custom-field", id));
    }

    @Transactional
    public CustomField create(Actor actor, NewCustomField command) {
        requireFieldManager(actor);
        Validation validation = new Validation();
        String key = command.key() == null ? "" : command.key().trim();
        if (!KEY.matcher(key).matches()) {
            validation.reject("key", "invalid.custom-field-key");
        }
        String type = command.type() == null ? "" : command.type().trim();
        if (!CustomField.TYPES.contains(type)) {
            validation.reject("type", "invalid.custom-field-type");
        }
        String label = label(command.label(), validation);
        List<String> options = options(type, command.options(), validation);
        validation.throwIfInvalid();
        if (fields.countLocked(actor.orgId()) >= MAX_FIELDS) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_ENTITY, "custom-field-limit", MAX_FIELDS);
        }
        if (fields.keyTaken(actor.orgId(), key)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "custom-field-key-taken", key);
        }
        Integer given = SortOrder.checked("order", command.order());
        int order = given == null ? fields.nextOrder(actor.orgId()) : given;
        CustomField field = new CustomField(Ids.newId(), key, label, type, options, command.required(), order, 1);
        fields.insert(actor.orgId(), field);
        audit(actor, "created", field.id(), Map.of(), values(field));
        return get(actor, field.id());
    }

    /** Applies a merge patch of label, options, required and order; {@code expectedVersion} comes from If-Match. */
    @Transactional
    public CustomField update(
            Actor actor, UUID id, Map<String, @Nullable Object> changes, @Nullable Long expectedVersion) {
        requireFieldManager(actor);
        MergePatch patch = new MergePatch(changes, PATCHABLE);
        CustomField current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        Validation validation = new Validation();
        for (String fixed : List.of("key", "type")) {
            String now = fixed.equals("key") ? current.key() : current.type();
            if (patch.has(fixed) && !Objects.equals(patch.text(fixed), now)) {
                validation.reject(fixed, "invalid.fixed");
            }
        }
        String label = patch.has("label") ? label(patch.text("label"), validation) : current.label();
        List<String> options =
                patch.has("options") ? options(current.type(), patch.texts("options"), validation) : current.options();
        boolean required = patch.has("required") ? patch.bool("required") : current.required();
        Integer order = patch.has("order")
                ? SortOrder.checked("order", patch.integer("order"))
                : Integer.valueOf(current.order());
        validation.throwIfInvalid();
        CustomField changed = new CustomField(
                id,
                current.key(),
                label,
                current.type(),
                options,
                required,
                order == null ? 0 : order,
                current.version());
        if (!fields.update(actor.orgId(), changed)) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
        audit(actor, "updated", id, values(current), values(changed));
        return get(actor, id);
    }

    /** Deletes the field and its values on every contact. */
    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        requireFieldManager(actor);
        CustomField current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        fields.delete(actor.orgId(), id, current.key());
        audit(actor, "deleted", id, values(current), Map.of());
    }

    private void audit(
            Actor actor,
            String change,
            UUID id,
            Map<String, @Nullable Object> before,
            Map<String, @Nullable Object> after) {
        events.publishEvent(ContactSettingChanged.of(actor, "custom-field", change, id, before, after));
    }

    private static Map<String, @Nullable Object> values(CustomField f) {
        return Map.of(
                "key", f.key(),
                "label", f.label(),
                "type", f.type(),
                "options", f.options(),
                "required", f.required(),
                "order", f.order());
    }

    private static String label(@Nullable String label, Validation validation) {
        String clean = label == null ? "" : label.trim();
        int length = clean.codePointCount(0, clean.length());
        if (length < 1 || length > MAX_LABEL) {
            validation.reject("label", "invalid.length", 1, MAX_LABEL);
        }
        return clean;
    }

    private static List<String> options(String type, @Nullable List<String> given, Validation validation) {
        List<String> raw = given == null ? List.of() : given;
        if (!CustomField.WITH_OPTIONS.contains(type)) {
            if (!raw.isEmpty()) {
                validation.reject("options", "invalid.options-not-allowed");
            }
            return List.of();
        }
        if (raw.isEmpty()) {
            validation.reject("options", "invalid.options-required");
        } else if (raw.size() > MAX_OPTIONS) {
            validation.reject("options", "invalid.options-max", MAX_OPTIONS);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> options = new ArrayList<>();
        for (String option : raw) {
            String clean = option == null ? "" : option.trim();
            int length = clean.codePointCount(0, clean.length());
            if (length < 1 || length > MAX_LABEL) {
                validation.reject("options", "invalid.length", 1, MAX_LABEL);
            } else if (!seen.add(clean)) {
                validation.reject("options", "invalid.option-twice", clean);
            }
            options.add(clean);
        }
        return options;
    }

    private static void requireFieldManager(Actor actor) {
        if (!actor.can(SetupPermissions.FIELD_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-custom-fields");
        }
    }
}
