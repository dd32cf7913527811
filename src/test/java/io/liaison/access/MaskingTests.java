package io.liaison.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTests {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void storedNumbersOfEveryCountryAreMaskedAsLibphonenumberReadsThem() throws NumberParseException {
        List<String> stored = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    stored.add(UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            stored.add(UTIL.format(UTIL.getExampleNumberForNonGeoEntity(code), PhoneNumberUtil.PhoneNumberFormat.E164));
        }
        assertThat(stored).hasSizeGreaterThan(1000);
        for (String number : stored) {
            Phonenumber.PhoneNumber parsed = UTIL.parse(number, "ZZ");
            // Spaced, the number is not in E.164 and is read by libphonenumber, as every number was before.
            String spaced = "+" + parsed.getCountryCode() + " " + UTIL.getNationalSignificantNumber(parsed);
            assertThat(Masking.phone(number)).as(number).isEqualTo(Masking.phone(spaced));
        }
    }

    @Test
    void anElevenDigitNumberKeepsThreeDigitsInFrontAndATenDigitOneTwo() {
        assertThat(Masking.phone("+8613800138000")).isEqualTo("+86 138****8000");
        assertThat(Masking.phone("+16502530000")).isEqualTo("+1 65****0000");
        assertThat(Masking.phone("+442079460000")).isEqualTo("+44 20****0000");
    }

    @Test
    void textNotInInternationalFormIsMaskedDigitByDigit() {
        assertThat(Masking.phone("010-1234 5678")).isEqualTo("010****5678");
        assertThat(Masking.phone("+86 138 0013 8000")).isEqualTo("+86 138****8000");
    }
}
