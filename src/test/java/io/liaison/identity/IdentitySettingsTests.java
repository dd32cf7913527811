package io.liaison.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.SettingsContexts;
import io.liaison.shared.LiaisonProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Identity's settings and the shared ones bind from the environment variables of the README, through
 * {@code application.properties} as the server reads them.
 */
class IdentitySettingsTests {

    @EnableConfigurationProperties({LoginSettings.class, FirstStartSettings.class, LiaisonProperties.class})
    static class Settings {}

    static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return SettingsContexts.withEnvironment(variables, Settings.class);
    }

    @Test
    void loginLimitsAndFirstStartBindFromTheirVariables() {
        withEnvironment(Map.of(
                        "LIAISON_LOGIN_MAX_FAILURES_PER_CLIENT", "3",
                        "LIAISON_LOGIN_DEVICE_LIFETIME", "7d",
                        "LIAISON_LOGIN_KEEP_ATTEMPTS", "2d",
                        "LIAISON_ADMIN_PASSWORD", "first-start-secret",
                        "LIAISON_ORG_NAME", "Acme",
                        "LIAISON_LOCALE", "en",
                        "LIAISON_DATA_DIR", "/var/lib/liaison",
                        "LIAISON_DB_SHARED_BUFFERS", "512MB"))
                .run(context -> {
                    LoginSettings login = context.getBean(LoginSettings.class);
                    assertThat(login.maxFailuresPerClient()).isEqualTo(3);
                    assertThat(login.deviceLifetime()).isEqualTo(Duration.ofDays(7));
                    assertThat(login.keepAttempts()).isEqualTo(Duration.ofDays(2));
                    assertThat(login.maxFailuresPerLogin()).isEqualTo(10);
                    FirstStartSettings firstStart = context.getBean(FirstStartSettings.class);
                    assertThat(firstStart.adminPassword()).isEqualTo("first-start-secret");
                    assertThat(firstStart.organizationName()).isEqualTo("Acme");
                    LiaisonProperties shared = context.getBean(LiaisonProperties.class);
                    assertThat(shared.locale()).isEqualTo("en");
                    assertThat(shared.dataDir()).isEqualTo(Path.of("/var/lib/liaison"));
                    assertThat(shared.db().sharedBuffers()).isEqualTo("512MB");
                });
    }

    @Test
    void withoutVariablesTheDocumentedDefaultsHold() {
        withEnvironment(Map.of()).run(context -> {
            LoginSettings login = context.getBean(LoginSettings.class);
            assertThat(login.maxFailuresPerClient()).isEqualTo(5);
            assertThat(login.deviceLifetime()).isEqualTo(Duration.ofDays(180));
            FirstStartSettings firstStart = context.getBean(FirstStartSettings.class);
            assertThat(firstStart.adminPassword()).isEmpty();
            assertThat(firstStart.organizationName()).isEqualTo("Liaison");
            assertThat(context.getBean(LiaisonProperties.class).locale()).isEqualTo("zh-CN");
        });
    }
}
