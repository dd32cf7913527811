package io.liaison.chat.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The most messages one export of a group's history holds ({@code LIAISON_CHAT_EXPORT_MAX_MESSAGES}):
 * a larger group is refused with a problem that names the limit.
 */
@ConfigurationProperties("liaison.chat")
record HistorySettings(@DefaultValue("100000") int exportMaxMessages) {

    HistorySettings {
        if (exportMaxMessages < 1) {
            throw new IllegalArgumentException(
                    "LIAISON_CHAT_EXPORT_MAX_MESSAGES must be 1 or more, not " + exportMaxMessages);
        }
    }
}
