package io.liaison.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTests {

    @Test
    void spellsANameInFullAndByInitials() {
        assertThat(Pinyin.spellings("张三")).containsExactly("zhangsan");
        assertThat(Pinyin.initials("张三")).containsExactly("zs");
        assertThat(Pinyin.initials("李明朗")).containsExactly("lml");
    }

    @Test
    void readsSurnamesAsSurnames() {
        assertThat(Pinyin.spellings("曾国藩")).first().isEqualTo("zengguofan");
        assertThat(Pinyin.spellings("单田芳")).first().isEqualTo("shantianfang");
        assertThat(Pinyin.spellings("区志强")).first().isEqualTo("ouzhiqiang");
        assertThat(Pinyin.spellings("解缙")).first().isEqualTo("xiejin");
        assertThat(Pinyin.spellings("欧阳娜娜"))
                .containsExactly("ouyangnana", "ouyangnanuo", "ouyangnuona", "ouyangnuonuo");
        assertThat(Pinyin.initials("欧阳娜娜")).containsExactly("oynn");
    }

    @Test
    void aSurnameCharacterInsideANameKeepsEveryReading() {
        assertThat(Pinyin.spellings("李长安")).contains("lichangan", "lizhangan");
    }

    @Test
    void latinNamesAndMixedNamesAreSpelledAsWritten() {
        assertThat(Pinyin.spellings("John Smith")).containsExactly("johnsmith");
        assertThat(Pinyin.initials("Tony 张")).containsExactly("tz");
        assertThat(Pinyin.spellings("！？")).isEmpty();
    }

    @Test
    void queriesLoseSpacesTonesAndApostrophes() {
        assertThat(Pinyin.normalizeQuery("Zhāng Sān")).isEqualTo("zhangsan");
        assertThat(Pinyin.normalizeQuery("xi'an")).isEqualTo("xian");
        assertThat(Pinyin.normalizeQuery("lǚ")).isEqualTo("lv");
    }
}
