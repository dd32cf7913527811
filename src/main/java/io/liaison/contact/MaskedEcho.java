package io.liaison.contact;

import io.liaison.access.Masking;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.Contact.Phone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A client that saw a contact masked may send the masked values back unchanged (a form submitted
 * as shown, a GET body patched and returned). Those echoes mean "keep the value", never "store the
 * asterisks"; anything else is a real change.
 */
final class MaskedEcho {

    private MaskedEcho() {}

    static Map<String, @Nullable Object> unmasked(Map<String, @Nullable Object> body, ContactDraft current) {
        Map<String, @Nullable Object> result = new LinkedHashMap<>(body);
        if (current.mobile() != null && Objects.equals(body.get("mobile"), Masking.phone(current.mobile()))) {
            result.remove("mobile");
        }
        if (body.get("phones") instanceof List<?> phones) {
            result.put(
                    "phones",
                    phones.stream().map(p -> phone(p, current.phones())).toList());
        }
        if (body.get("emails") instanceof List<?> emails) {
            result.put(
                    "emails",
                    emails.stream().map(e -> email(e, current.emails())).toList());
        }
        return result;
    }

    private static @Nullable Object phone(@Nullable Object item, List<Phone> current) {
        if (item instanceof Map<?, ?> map && map.get("number") instanceof String number) {
            for (Phone p : current) {
                if (number.equals(Masking.phone(p.number()))) {
                    return with(map, "number", p.number());
                }
            }
        }
        return item;
    }

    private static @Nullable Object email(@Nullable Object item, List<Email> current) {
        if (item instanceof Map<?, ?> map && map.get("address") instanceof String address) {
            for (Email e : current) {
                if (address.equals(Masking.email(e.address()))) {
                    return with(map, "address", e.address());
                }
            }
        }
        return item;
    }

    private static Map<Object, @Nullable Object> with(Map<?, ?> map, String key, String value) {
        Map<Object, @Nullable Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
