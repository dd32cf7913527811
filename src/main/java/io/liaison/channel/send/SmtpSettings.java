package io.liaison.channel.send;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail ({@code liaison.channel.smtp.*}, set through {@code LIAISON_SMTP_HOST}, {@code
 * _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code _FROM} and {@code _SECURITY} as the README
 * documents). Without a host there is no e-mail adapter, and e-mail shows as not configured.
 * {@code from} defaults to the username.
 */
@ConfigurationProperties("liaison.channel.smtp")
record SmtpSettings(
        @Nullable String host,
        @DefaultValue("587") int port,
        @Nullable String username,
        @Nullable String password,
        @Nullable String from,
        @DefaultValue("starttls") Security security) {

    /** Without the password, which must not reach a log. */
    @Override
    public String toString() {
        return "SmtpSettings[" + username + "@" + host + ":" + port + ", " + security + ", from " + from + "]";
    }

    /** How the connection is protected: upgraded with STARTTLS, TLS from the start (port 465), or not at all. */
    enum Security {
        STARTTLS,
        TLS,
        NONE
    }
}
