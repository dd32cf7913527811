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
    void readsEveryCharacterByItsReadingsWithoutKnowingOfSurnames() {
        assertThat(Pinyin.spellings("曾经")).first().isEqualTo("cengjing");
        assertThat(Pinyin.positions("Tony 张")).containsExactly(java.util.List.of("tony"), java.util.List.of("zhang"));
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
