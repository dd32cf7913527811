package io.liaison.contact.field;

import io.liaison.contact.CustomField;
import io.liaison.shared.InvalidValue;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.Validation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a contact's custom field values against the organization's definitions and turns them
 * into what is stored in {@code contact.custom_fields}: text trimmed (at most {@value #MAX_TEXT}
 * characters), numbers as {@link BigDecimal}, dates as {@code yyyy-MM-dd}, a select value as one of
 * its options, a multiselect value as a list of distinct options. Blank text and empty lists count
 * as no value. Every problem is reported at once, as a 400 with one error per key named {@code
 * customFields.<key>}.
 * Not transactional itself: a refusal must not mark the caller's transaction for rollback.
 */
@Component
public class CustomFieldValues {

    public static final int MAX_TEXT = 2000;

    private final CustomFieldRepository fields;

    CustomFieldValues(CustomFieldRepository fields) {
        this.fields = fields;
    }

    /**
     * For a new contact, or one whose custom fields are replaced as a whole: every key must be a field
     * of the organization and every required field must have a value.
     *
     * @param values the values as JSON gives them (String, Number, Boolean, List), or {@code null}
     * @return the values to store, without the ones that are empty
     * @throws LiaisonException 400 naming each invalid {@code customFields.<key>}
     */
    public Map<String, Object> forCreate(UUID orgId, @Nullable Map<String, ? extends @Nullable Object> values) {
        return forCreate(definitions(orgId), values);
    }

    /** {@link #forCreate(UUID, Map)} with the organization's {@link #definitions} read beforehand. */
    public Map<String, Object> forCreate(
            Map<String, CustomField> definitions, @Nullable Map<String, ? extends @Nullable Object> values) {
        Map<String, @Nullable Object> checked = check(definitions, values == null ? Map.of() : values, true);
        Map<String, Object> stored = new LinkedHashMap<>();
        checked.forEach((key, value) -> {
            if (value != null) {
                stored.put(key, value);
            }
        });
        return stored;
    }

    /**
     * For a merge patch of a contact's custom fields: only the keys present are checked, and a
     * required field may not be cleared.
     *
     * @return the normalised values of the keys present; a {@code null} value means "remove this key
     *     from the contact" (it was {@code null}, blank or an empty list)
     * @throws LiaisonException 400 naming each invalid {@code customFields.<key>}
     */
    public Map<String, @Nullable Object> forPatch(UUID orgId, Map<String, ? extends @Nullable Object> values) {
        return check(definitions(orgId), values, false);
    }

    /** The organization's custom fields by key. */
    public Map<String, CustomField> definitions(UUID orgId) {
        return fields.findAll(orgId).stream().collect(Collectors.toMap(CustomField::key, Function.identity()));
    }

    private static Map<String, @Nullable Object> check(
            Map<String, CustomField> definitions, Map<String, ? extends @Nullable Object> values, boolean complete) {
        Validation validation = new Validation();
        Map<String, @Nullable Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends @Nullable Object> entry : values.entrySet()) {
            String key = entry.getKey();
            CustomField field = definitions.get(key);
            if (field == null) {
                validation.reject("customFields." + key, "invalid.unknown-custom-field");
                continue;
            }
            try {
                Object value = normalise(field, entry.getValue());
                if (value == null && field.required()) {
                    validation.reject(new LiaisonException.FieldError(
                            "customFields." + key,
                            Message.of("field.custom", field.label()),
                            Message.of("invalid.required")));
                }
                result.put(key, value);
            } catch (InvalidValue e) {
                validation.reject(new LiaisonException.FieldError(
                        "customFields." + key, Message.of("field.custom", field.label()), e.rule()));
            }
        }
        if (complete) {
            for (CustomField field : definitions.values()) {
                if (field.required() && !values.containsKey(field.key())) {
                    validation.reject("customFields." + field.key(), "invalid.required");
                }
            }
        }
        validation.throwIfInvalid();
        return result;
    }

    /** The value to store, {@code null} for no value; an {@link IllegalArgumentException} says what is wrong. */
    private static @Nullable Object normalise(CustomField field, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case CustomField.TEXT -> text(value);
            case CustomField.NUMBER -> number(value);
            case CustomField.DATE -> date(value);
            case CustomField.SELECT -> option(field, value);
            case CustomField.MULTISELECT -> options(field, value);
            default -> throw new IllegalStateException("Unknown custom field type " + field.type());
        };
    }

    private static @Nullable String text(Object value) {
        if (!(value instanceof String text)) {
            throw new InvalidValue("invalid.string");
        }
        String clean = text.trim();
        if (clean.codePointCount(0, clean.length()) > MAX_TEXT) {
            throw new InvalidValue("invalid.max-length", MAX_TEXT);
        }
        return clean.isEmpty() ? null : clean;
    }

    // Forms send numbers as text, so a numeric string is accepted too.
    private static @Nullable BigDecimal number(Object value) {
        BigDecimal number;
        try {
            if (value instanceof BigDecimal d) {
                number = d;
            } else if (value instanceof BigInteger i) {
                number = new BigDecimal(i);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                number = BigDecimal.valueOf(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                number = new BigDecimal(value.toString());
            } else if (value instanceof String s) {
                number = s.isBlank() ? null : new BigDecimal(s.trim());
            } else {
                throw new InvalidValue("invalid.number");
            }
        } catch (NumberFormatException e) {
            throw new InvalidValue("invalid.number");
        }
        if (number == null) {
            return null;
        }
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static @Nullable String date(Object value) {
        if (!(value instanceof String text)) {
            throw new InvalidValue("invalid.date");
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidValue("invalid.date");
        }
    }

    private static @Nullable String option(CustomField field, Object value) {
        if (!(value instanceof String text)) {
            throw new InvalidValue("invalid.option");
        }
        String clean = text.trim();
        if (clean.isEmpty()) {
            return null;
        }
        if (!field.options().contains(clean)) {
            throw new InvalidValue("invalid.one-of", String.join(", ", field.options()));
        }
        return clean;
    }

    private static @Nullable List<String> options(CustomField field, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidValue("invalid.options");
        }
        if (list.size() > field.options().size()) {
            throw new InvalidValue("invalid.options-max", field.options().size());
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : list) {
            String option = item == null ? null : option(field, item);
            if (option == null) {
                throw new InvalidValue("invalid.options");
            }
            chosen.add(option);
        }
        return chosen.isEmpty() ? null : new ArrayList<>(chosen);
    }
}
