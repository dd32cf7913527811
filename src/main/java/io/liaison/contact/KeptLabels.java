package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A file holds numbers and addresses without their labels: a phone or e-mail the contact already
 * has keeps its label when an imported row names it again.
 */
final class KeptLabels {

    private KeptLabels() {}

    static Map<String, @Nullable Object> of(Map<String, @Nullable Object> body, ContactDraft current, String region) {
        Map<String, @Nullable Object> result = new HashMap<>(body);
        Map<String, String> phoneLabels = new HashMap<>();
        current.phones().forEach(ph -> {
            if (ph.label() != null) {
                phoneLabels.put(ph.number(), ph.label());
            }
        });
        Map<String, String> emailLabels = new HashMap<>();
        current.emails().forEach(e -> {
            if (e.label() != null) {
                emailLabels.put(e.address(), e.label());
            }
        });
        if (body.get("phones") instanceof List<?> phones) {
            result.put(
                    "phones",
                    labelled(
                            phones,
                            "number",
                            n -> PhoneNumbers.normalize(n, region).orElse(n),
                            phoneLabels));
        }
        if (body.get("emails") instanceof List<?> emails) {
            result.put("emails", labelled(emails, "address", a -> a.strip().toLowerCase(Locale.ROOT), emailLabels));
        }
        return result;
    }

    private static List<Object> labelled(
            List<?> items, String field, UnaryOperator<String> normal, Map<String, String> labels) {
        List<Object> result = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && map.get("label") == null && map.get(field) instanceof String value) {
                String label = labels.get(normal.apply(value));
                if (label != null) {
                    Map<String, Object> copy = new HashMap<>();
                    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    copy.put("label", label);
                    result.add(copy);
                    continue;
                }
            }
            result.add(item);
        }
        return result;
    }
}
