package io.liaison.access;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How masked details look: {@code +86 138****8000} and {@code z***@example.cn}. Enough stays to
 * recognise a number or an address one already knows, never enough to reach it.
 */
public final class Masking {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<Integer> CALLING_CODES = Set.copyOf(UTIL.getSupportedCallingCodes());
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

    private Masking() {}

    /** The country code, then the national number with all but its first three and last four digits hidden. */
    public static String phone(String number) {
        int codeLength = countryCodeLength(number);
        if (codeLength > 0) {
            return masked("+" + number.substring(1, 1 + codeLength) + " ", number.substring(1 + codeLength));
        }
        String country = "";
        String national = NOT_DIGIT.matcher(number).replaceAll("");
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(number, "ZZ");
            country = "+" + parsed.getCountryCode() + " ";
            national = UTIL.getNationalSignificantNumber(parsed);
        } catch (NumberParseException e) {
            // Not in international form: mask the digits as they are.
        }
        return masked(country, national);
    }

    private static String masked(String country, String national) {
        int n = national.length();
        int head = n >= 11 ? 3 : n >= 8 ? 2 : 0;
        int tail = n >= 8 ? 4 : Math.min(2, n / 2);
        return country + national.substring(0, head) + "*".repeat(n - head - tail) + national.substring(n - tail);
    }

    /**
     * The length of the country code of a number stored in E.164 ({@code +} and digits only), which
     * is how Liaison stores every number: calling codes are prefix-free, so the first one or two or
     * three digits that are a calling code are it, and the rest is the national number, as {@link
     * PhoneNumberUtil#parse} would find them without its costly patterns. 0 for any other text.
     */
    private static int countryCodeLength(String number) {
        int n = number.length();
        if (n < 5 || n > 16 || number.charAt(0) != '+') {
            return 0;
        }
        for (int i = 1; i < n; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
        }
        int code = 0;
        for (int length = 1; length <= 3; length++) {
            code = code * 10 + (number.charAt(length) - '0');
            if (code != 0 && CALLING_CODES.contains(code)) {
                return length;
            }
        }
        return 0;
    }

    /** The fields of a contact that are masked. */
    public static final Set<String> DETAILS = Set.of("mobile", "phones", "emails");

    /** The values of {@code fields} with those of {@link #DETAILS} masked. */
    public static Map<String, @Nullable Object> details(Map<String, @Nullable Object> fields) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(fields);
        copy.replaceAll((field, value) -> DETAILS.contains(field) ? value(value) : value);
        return copy;
    }

    /**
     * A detail's value masked as stored in JSON: a mobile number, or a list of phones ({@code number})
     * or e-mails ({@code address}) with their labels kept.
     */
    public static @Nullable Object value(@Nullable Object value) {
        if (value instanceof String number) {
            return phone(number);
        }
        if (value instanceof List<?> items) {
            return items.stream().map(Masking::item).toList();
        }
        return value;
    }

    private static @Nullable Object item(@Nullable Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            return item;
        }
        Map<Object, @Nullable Object> copy = new LinkedHashMap<>(map);
        if (map.get("number") instanceof String number) {
            copy.put("number", phone(number));
        }
        if (map.get("address") instanceof String address) {
            copy.put("address", email(address));
        }
        return copy;
    }

    /** The first character of the local part, then the domain. */
    public static String email(String address) {
        int at = address.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
