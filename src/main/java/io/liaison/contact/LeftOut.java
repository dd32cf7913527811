package io.liaison.contact;

import io.liaison.shared.LiaisonException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A contact body without the values that validation refused, named as its field errors name them. */
final class LeftOut {

    private static final Pattern ITEM = Pattern.compile("(phones|emails)\\[(\\d+)].*");
    private static final Pattern KEYED = Pattern.compile("(customFields|externalIds)\\.(.+)");

    private LeftOut() {}

    static Map<String, @Nullable Object> without(Map<String, @Nullable Object> body, List<FieldError> errors) {
        Map<String, @Nullable Object> result = new LinkedHashMap<>(body);
        Map<String, List<Integer>> items = new LinkedHashMap<>();
        for (FieldError error : errors) {
            Matcher item = ITEM.matcher(error.field());
            Matcher keyed = KEYED.matcher(error.field());
            if (item.matches()) {
                items.computeIfAbsent(item.group(1), k -> new ArrayList<>()).add(Integer.parseInt(item.group(2)));
            } else if (keyed.matches() && result.get(keyed.group(1)) instanceof Map<?, ?> map) {
                Map<Object, Object> rest = new LinkedHashMap<>(map);
                rest.remove(keyed.group(2));
                result.put(keyed.group(1), rest);
            } else {
                result.remove(error.field().replaceAll("[.\\[].*", ""));
            }
        }
        items.forEach((field, indexes) -> {
            if (result.get(field) instanceof List<?> list) {
                List<Object> rest = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    if (!indexes.contains(i)) {
                        rest.add(list.get(i));
                    }
                }
                result.put(field, rest);
            }
        });
        return result;
    }
}
