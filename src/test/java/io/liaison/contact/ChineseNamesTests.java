package io.liaison.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.contact.ChineseNames.Phonetic;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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

    @Test
    void namesSortAsInAnAddressBookByPinyin() {
        assertThat(sorted("张三", "李四", "王五", "安娜", "陈晨", "白雪", "赵六"))
                .containsExactly("安娜", "白雪", "陈晨", "李四", "王五", "张三", "赵六");
        // Read as surnames: 曾 zeng (not ceng, among the 陈s), 单 shan (not dan), 欧阳 ouyang.
        assertThat(sorted("张三", "曾国藩", "陈晨", "杨洋", "单田芳", "丁一", "欧阳娜娜", "潘安"))
                .containsExactly("陈晨", "丁一", "欧阳娜娜", "潘安", "单田芳", "杨洋", "曾国藩", "张三");
    }

    @Test
    void aShorterNameComesFirstAndTheSameSurnameStaysTogether() {
        assertThat(sorted("连杰", "李安", "李")).containsExactly("李", "李安", "连杰");
        // 章三 spells before 张四, but every 张 comes before every 章.
        assertThat(sorted("章三", "张四", "张三")).containsExactly("张三", "张四", "章三");
    }

    @Test
    void latinNamesSortAmongChineseOnesByTheirLetters() {
        assertThat(sorted("Zoe", "张三", "alice", "安娜", "Bob", "白雪", "Émile", "李", "Li"))
                .containsExactly("alice", "安娜", "白雪", "Bob", "Émile", "Li", "李", "张三", "Zoe");
        assertThat(ChineseNames.sortKey(" Tony 张 ")).isEqualTo("tony zhang 张 ");
        assertThat(ChineseNames.sortKey("ＡＢＣ")).isEqualTo(ChineseNames.sortKey("abc"));
        assertThat(ChineseNames.sortKey("！？")).isEmpty();
    }

    private static List<String> sorted(String... names) {
        return Stream.of(names)
                .sorted(Comparator.comparing(ChineseNames::sortKey))
                .toList();
    }
}
