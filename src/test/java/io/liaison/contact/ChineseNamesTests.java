package io.liaison.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.contact.ChineseNames.Phonetic;
import org.junit.jupiter.api.Test;

class ChineseNamesTests {

    @Test
    void readsSurnamesAsSurnames() {
        assertThat(ChineseNames.spellings("曾国藩")).first().isEqualTo("zengguofan");
        assertThat(ChineseNames.spellings("单田芳")).first().isEqualTo("shantianfang");
        assertThat(ChineseNames.spellings("区志强")).first().isEqualTo("ouzhiqiang");
        assertThat(ChineseNames.spellings("解缙")).first().isEqualTo("xiejin");
        assertThat(ChineseNames.spellings("欧阳娜娜"))
                .containsExactly("ouyangnana", "ouyangnanuo", "ouyangnuona", "ouyangnuonuo");
        assertThat(ChineseNames.initials("欧阳娜娜")).containsExactly("oynn");
        assertThat(ChineseNames.initials(" 曾国藩 ")).containsExactly("zgf");
    }

    @Test
    void onlyTheFirstCharacterIsReadAsASurname() {
        assertThat(ChineseNames.spellings("李长安")).contains("lichangan", "lizhangan");
        assertThat(ChineseNames.spellings("John Smith")).containsExactly("johnsmith");
        assertThat(ChineseNames.initials("Tony 张")).containsExactly("tz");
    }

    @Test
    void splitsFamilyAndGivenNamesForPhones() {
        assertThat(ChineseNames.phonetic("欧阳娜娜")).contains(new Phonetic("Ouyang", "Nana", 2));
        assertThat(ChineseNames.phonetic("单田芳")).contains(new Phonetic("Shan", "Tianfang", 1));
        assertThat(ChineseNames.phonetic("欧阳")).contains(new Phonetic("Ou", "Yang", 1));
        assertThat(ChineseNames.phonetic("John")).isEmpty();
    }
}
