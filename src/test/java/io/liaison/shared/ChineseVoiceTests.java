package io.liaison.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Chinese bundles speak with one voice, as DingTalk and WeCom address their users: 你, never
 * 您, full-width punctuation in Chinese sentences, contacts counted as people (位). A colon that is written syntax (inside
 * “…”, or between Latin words such as {@code crm:123} and {@code data:}) stays ASCII.
 */
class ChineseVoiceTests {

    static final List<String> BUNDLES = List.of("messages_zh_CN.properties", "problems_zh_CN.properties");

    /** An ASCII colon ending a Chinese phrase: after a Chinese character, before a space, the end or Chinese. */
    static final Pattern ASCII_COLON = Pattern.compile("\\p{IsHan}\\s?:(?=\\s|$|\\p{IsHan})");

    static final Pattern QUOTED = Pattern.compile("“[^”]*”");

    /** ASCII punctuation between Chinese characters, where a Chinese sentence writes ，；？！（）. */
    static final Pattern ASCII_PUNCTUATION = Pattern.compile("\\p{IsHan}\\s?[,;?!()]\\s?\\p{IsHan}");

    /** Contacts are people: counted with 位 (3 位联系人, 每位联系人), never 个 or 名. */
    static final Pattern CONTACT_COUNTED_AS_A_THING = Pattern.compile("[个名条]联系人");

    @Test
    void chineseTextsSayYouAsColleaguesDo() {
        assertThat(offending(value -> value.contains("您")))
                .as("texts that say 您 where the product says 你")
                .isEmpty();
    }

    @Test
    void chineseSentencesUseTheFullWidthColon() {
        assertThat(offending(value -> ASCII_COLON
                        .matcher(QUOTED.matcher(value).replaceAll("“”"))
                        .find()))
                .as("texts with an ASCII colon in a Chinese sentence (write ：)")
                .isEmpty();
    }

    @Test
    void chineseSentencesUseFullWidthPunctuation() {
        assertThat(offending(value -> ASCII_PUNCTUATION
                        .matcher(QUOTED.matcher(value).replaceAll("“”"))
                        .find()))
                .as("texts with ASCII , ; ? ! ( or ) between Chinese characters (write ，；？！（）)")
                .isEmpty();
        assertThat(ASCII_PUNCTUATION.matcher("已保存,请刷新").find()).isTrue();
        assertThat(ASCII_PUNCTUATION.matcher("联系人(已删除)").find()).isTrue();
        assertThat(ASCII_PUNCTUATION.matcher("不允许的字符（例如 ;、%25）").find()).isFalse();
    }

    @Test
    void contactsAreCountedAsPeople() {
        assertThat(offending(value -> CONTACT_COUNTED_AS_A_THING.matcher(value).find()))
                .as("texts that count contacts with 个, 名 or 条 (write 位)")
                .isEmpty();
    }

    @Test
    void theColonRuleTellsSyntaxFromSentences() {
        assertThat(ASCII_COLON.matcher("名称: 必填").find()).isTrue();
        assertThat(ASCII_COLON.matcher("手机:必填").find()).isTrue();
        assertThat(ASCII_COLON.matcher("须为“来源:ID”，例如 crm:123").find()).isFalse();
    }

    private static Map<String, String> offending(java.util.function.Predicate<String> wrong) {
        Map<String, String> found = new TreeMap<>();
        for (String bundle : BUNDLES) {
            Properties texts = MessageBundleTests.load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String value = texts.getProperty(key);
                if (wrong.test(value)) {
                    found.put(bundle + " " + key, value);
                }
            }
        }
        return found;
    }
}
