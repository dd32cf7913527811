package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchMarksTests {

    /** The parts as text with the marked ones in brackets. */
    private static String shown(List<MatchMarks.Part> parts) {
        StringBuilder text = new StringBuilder();
        for (MatchMarks.Part part : parts) {
            text.append(part.marked() ? "[" + part.text() + "]" : part.text());
        }
        return text.toString();
    }

    private static String name(String name, String q) {
        return shown(new MatchMarks(q).name(name));
    }

    @Test
    void initialsMarkTheLeadingCharactersTheyCover() {
        assertThat(name("张三", "zs")).isEqualTo("[张三]");
        assertThat(name("张三丰", "zs")).isEqualTo("[张三]丰");
        assertThat(name("欧阳娜娜", "oynn")).isEqualTo("[欧阳娜娜]");
        assertThat(name("欧阳娜娜", "oy")).isEqualTo("[欧阳]娜娜");
    }

    @Test
    void aPinyinPrefixMarksTheCharactersItReaches() {
        assertThat(name("曾国藩", "zeng")).isEqualTo("[曾]国藩");
        assertThat(name("张三", "zhang")).isEqualTo("[张]三");
        assertThat(name("张三", "zhangs")).isEqualTo("[张三]");
        assertThat(name("张三", "Zhāng Sān")).isEqualTo("[张三]");
        assertThat(name("单田芳", "shan")).isEqualTo("[单]田芳");
    }

    @Test
    void aSubstringIsMarkedInTheOriginalCharacters() {
        assertThat(name("John Smith", "smi")).isEqualTo("John [Smi]th");
        assertThat(name("John Smith", "n s")).isEqualTo("Joh[n S]mith");
        assertThat(name("John Smith", "JOHNSMITH")).isEqualTo("[John Smith]");
        assertThat(name("李娜", "娜")).isEqualTo("李[娜]");
        assertThat(name("ＡＢＣ Trading", "bc")).isEqualTo("Ａ[ＢＣ] Trading");
    }

    @Test
    void nothingIsMarkedWithoutAMatchOrAQuery() {
        assertThat(name("张三", "lisi")).isEqualTo("张三");
        assertThat(name("张三", "")).isEqualTo("张三");
        assertThat(shown(new MatchMarks(null).name("张三"))).isEqualTo("张三");
        assertThat(shown(new MatchMarks("   ").text("上海贸易"))).isEqualTo("上海贸易");
    }

    @Test
    void aCompanyIsMarkedWhereTheQueryOccurs() {
        assertThat(shown(new MatchMarks("贸易").text("上海贸易有限公司"))).isEqualTo("上海[贸易]有限公司");
        assertThat(shown(new MatchMarks("acme co").text("The ACME Co., Ltd."))).isEqualTo("The [ACME Co]., Ltd.");
        assertThat(new MatchMarks("acme").text(null)).isEmpty();
    }

    @Test
    void markupInTheTextStaysTextForTheTemplateToEscape() {
        assertThat(new MatchMarks("b>").text("<b>x"))
                .containsExactly(
                        new MatchMarks.Part("<", false),
                        new MatchMarks.Part("b>", true),
                        new MatchMarks.Part("x", false));
    }
}
