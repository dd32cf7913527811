package io.liaison.channel;

import java.util.Locale;

/** Where a delivery goes; {@link #code()} is the name the API and the database use. */
public enum ChannelKind {
    EMAIL,
    DINGTALK,
    WECOM,
    FEISHU,
    WEBHOOK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChannelKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
