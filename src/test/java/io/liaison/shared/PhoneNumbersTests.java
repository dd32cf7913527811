package io.liaison.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTests {

    @Test
    void theSameChineseMobileWrittenThreeWaysIsOneNumber() {
        assertThat(PhoneNumbers.normalize("13800138000", "CN")).hasValue("+8613800138000");
        assertThat(PhoneNumbers.normalize("+86 138 0013 8000", "CN")).hasValue("+8613800138000");
        assertThat(PhoneNumbers.normalize("008613800138000", "CN")).hasValue("+8613800138000");
    }

    @Test
    void foreignNumbersKeepTheirCountryAndNonsenseIsRefused() {
        assertThat(PhoneNumbers.normalize("+1 650-253-0000", "CN")).hasValue("+16502530000");
        assertThat(PhoneNumbers.normalize("12345", "CN")).isEmpty();
        assertThat(PhoneNumbers.normalize("call me", "CN")).isEmpty();
    }

    @Test
    void numbersAreSpacedForReadingAndMaskedOnesStayAsTheyAre() {
        assertThat(PhoneNumbers.display("+8613800138000")).isEqualTo("+86 138 0013 8000");
        assertThat(PhoneNumbers.display("+16502530000")).isEqualTo("+1 650-253-0000");
        assertThat(PhoneNumbers.display("+86 138****8000")).isEqualTo("+86 138****8000");
        assertThat(PhoneNumbers.display("010-1234")).isEqualTo("010-1234");
    }
}
