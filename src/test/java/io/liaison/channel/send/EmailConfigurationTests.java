package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.channel.ChannelKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The e-mail adapter is a bean exactly when an SMTP host is set: the core reads its absence as "not configured". */
class EmailConfigurationTests {

    final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(EmailConfiguration.class);

    @Test
    void withoutAnSmtpHostThereIsNoEmailAdapter() {
        context.run(started -> assertThat(started).doesNotHaveBean(ChannelAdapter.class));
        context.withPropertyValues("liaison.channel.smtp.host=", "liaison.channel.smtp.from=a@b.example")
                .run(started -> assertThat(started).doesNotHaveBean(ChannelAdapter.class));
    }

    @Test
    void withAHostTheEmailAdapterIsThereWithTheSettings() {
        context.withPropertyValues(
                        "liaison.channel.smtp.host=smtp.example.com",
                        "liaison.channel.smtp.security=tls",
                        "liaison.channel.smtp.username=liaison@example.com")
                .run(started -> {
                    assertThat(started).hasSingleBean(ChannelAdapter.class);
                    assertThat(started.getBean(ChannelAdapter.class).kind()).isEqualTo(ChannelKind.EMAIL);
                    SmtpSettings settings = started.getBean(SmtpSettings.class);
                    assertThat(settings.port()).isEqualTo(587);
                    assertThat(settings.security()).isEqualTo(SmtpSettings.Security.TLS);
                });
    }
}
