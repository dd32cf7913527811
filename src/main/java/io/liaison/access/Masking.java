package io.liaison.access;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * How masked details look: {@code +86 138****8000} and {@code z***@example.cn}. Enough stays to
 * recognise a number or an address one already knows, never enough to reach it.
 */
public final class Masking {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Masking() {}

    /** The country code, then the national number with all but its first three and last four digits hidden. */
    public static String phone(String number) {
        String country = "";
        String national = number.replaceAll("\\D", "");
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(number, "ZZ");
            country = "+" + parsed.getCountryCode() + " ";
            national = UTIL.getNationalSignificantNumber(parsed);
        } catch (NumberParseException e) {
            // Not in international form: mask the digits as they are.
        }
        int n = national.length();
        int head = n >= 11 ? 3 : n >= 8 ? 2 : 0;
        int tail = n >= 8 ? 4 : Math.min(2, n / 2);
        return country + national.substring(0, head) + "*".repeat(n - head - tail) + national.substring(n - tail);
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
