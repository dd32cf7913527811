package io.liaison.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.integration.change.ChangeTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook pages name every change type in words, in both languages, next to its code. */
class WebhookTypeNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_CN.properties"})
    void everyTypeHasAName(String bundle) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String type : ChangeTypes.ALL) {
            assertThat(texts.getProperty("webhooks.type." + type)).as(type).isNotBlank();
        }
    }
}
