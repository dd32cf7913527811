package io.liaison.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * Phone numbers in E.164: {@code 13800138000}, {@code +86 138 0013 8000} and {@code 008613800138000}
 * are one number, stored as {@code +8613800138000}. Numbers without a country code take the
 * organization's region.
 */
public final class PhoneNumbers {

    /** The longest text libphonenumber reads as a number; longer text is refused as not a number. */
    public static final int MAX_INPUT = 250;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The E.164 form, or empty when the text is not a valid number of any country. */
    public static Optional<String> normalize(String raw, String defaultRegion) {
        return parse(raw, defaultRegion).map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /**
     * A stored number spaced for reading, {@code +86 138 0013 8000}; text that is not a number in
     * international form (a masked one, say) comes back as it is.
     */
    public static String display(String number) {
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(number, "ZZ");
            return UTIL.isValidNumber(parsed)
                    ? UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL)
                    : number;
        } catch (NumberParseException e) {
            return number;
        }
    }

    /**
     * Whether the text is a valid number that libphonenumber classifies as a mobile (or as either
     * a mobile or a fixed line, as North American numbers are) when read in {@code defaultRegion}.
     */
    public static boolean isMobile(String raw, String defaultRegion) {
        return parse(raw, defaultRegion)
                .map(UTIL::getNumberType)
                .filter(type -> type == PhoneNumberUtil.PhoneNumberType.MOBILE
                        || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE)
                .isPresent();
    }

    /** A valid number read in {@code defaultRegion} ({@code 00} as the international prefix). */
    private static Optional<Phonenumber.PhoneNumber> parse(String raw, String defaultRegion) {
        String text = raw.trim();
        if (text.length() > MAX_INPUT) {
            return Optional.empty();
        }
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, defaultRegion);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The digits of a number, for search by fragment. */
    public static String digits(String number) {
        return number.replaceAll("\\D", "");
    }
}
