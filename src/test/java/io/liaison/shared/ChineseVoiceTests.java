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
 * 您, and full-width punctuation in Chinese sentences. A colon that is written syntax (inside
 * “…”, or between Latin words such as {@code crm:123} and {@code data:}) stays ASCII.
 */
class ChineseVoiceTests {

    static final List<String> BUNDLES = List.of("messages_zh_CN.properties", "problems_zh_CN.properties");

    /** An ASCII colon ending a Chinese phrase: after a Chinese character, before a space, the end or Chinese. */
    static final Pattern ASCII_COLON = Pattern.compile("\\p{IsHan}\\s?:(?=\\s|$|\\p{IsHan})");

    static final Pattern QUOTED = Pattern.compile("“[^”]*”");

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
