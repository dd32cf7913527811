package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.SettingsContexts;
import io.liaison.channel.ChannelKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The e-mail adapter is a bean exactly when {@code LIAISON_SMTP_HOST} is set (the core reads its
 * absence as "not configured"), with the settings of the {@code LIAISON_SMTP_*} variables the README
 * documents.
 */
class EmailConfigurationTests {

    @Test
    void withoutAnSmtpHostThereIsNoEmailAdapter() {
        SettingsContexts.withEnvironment(Map.of(), EmailConfiguration.class)
                .run(started -> assertThat(started).doesNotHaveBean(ChannelAdapter.class));
        SettingsContexts.withEnvironment(
                        Map.of("LIAISON_SMTP_HOST", "", "LIAISON_SMTP_FROM", "a@b.example"), EmailConfiguration.class)
                .run(started -> assertThat(started).doesNotHaveBean(ChannelAdapter.class));
    }

    @Test
    void withAHostTheEmailAdapterIsThereWithTheVariablesSettings() {
        Map<String, Object> variables = Map.of(
                "LIAISON_SMTP_HOST", "smtp.example.com",
                "LIAISON_SMTP_PORT", "465",
                "LIAISON_SMTP_USERNAME", "liaison@example.com",
                "LIAISON_SMTP_PASSWORD", "s3cret",
                "LIAISON_SMTP_FROM", "Liaison <noreply@example.com>",
                "LIAISON_SMTP_SECURITY", "tls");
        SettingsContexts.withEnvironment(variables, EmailConfiguration.class).run(started -> {
            assertThat(started).hasSingleBean(ChannelAdapter.class);
            assertThat(started.getBean(ChannelAdapter.class).kind()).isEqualTo(ChannelKind.EMAIL);
            assertThat(started.getBean(SmtpSettings.class))
                    .isEqualTo(new SmtpSettings(
                            "smtp.example.com",
                            465,
                            "liaison@example.com",
                            "s3cret",
                            "Liaison <noreply@example.com>",
                            SmtpSettings.Security.TLS));
        });
    }

    @Test
    void theDefaultsAreStarttlsOnPort587() {
        SettingsContexts.withEnvironment(
                        Map.of("LIAISON_SMTP_HOST", "smtp.example.com", "LIAISON_SMTP_USERNAME", "me@example.com"),
                        EmailConfiguration.class)
                .run(started -> {
                    assertThat(started).hasSingleBean(ChannelAdapter.class);
                    assertThat(started.getBean(SmtpSettings.class).port()).isEqualTo(587);
                    assertThat(started.getBean(SmtpSettings.class).security())
                            .isEqualTo(SmtpSettings.Security.STARTTLS);
                });
    }
}
