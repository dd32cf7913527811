package io.liaison.contact.trash;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.SettingsContexts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The trash's retention and purge interval bind from {@code LIAISON_TRASH_RETENTION} and {@code
 * LIAISON_TRASH_PURGE_INTERVAL}, as the README documents.
 */
class TrashSettingsTests {

    @EnableConfigurationProperties(TrashSettings.class)
    static class Settings {}

    static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return SettingsContexts.withEnvironment(variables, Settings.class);
    }

    @Test
    void retentionBindsFromItsVariable() {
        withEnvironment(Map.of("LIAISON_TRASH_RETENTION", "12h"))
                .run(context -> assertThat(context.getBean(TrashSettings.class).retention())
                        .isEqualTo(Duration.ofHours(12)));
    }

    @Test
    void retentionIsThirtyDaysByDefault() {
        withEnvironment(Map.of())
                .run(context -> assertThat(context.getBean(TrashSettings.class).retention())
                        .isEqualTo(Duration.ofDays(30)));
    }

    @Test
    void purgeIntervalBindsFromItsVariableAndIsHourlyByDefault() {
        withEnvironment(Map.of("LIAISON_TRASH_PURGE_INTERVAL", "2s"))
                .run(context -> assertThat(context.getBean(TrashSettings.class).purgeInterval())
                        .isEqualTo(Duration.ofSeconds(2)));
        withEnvironment(Map.of())
                .run(context -> assertThat(context.getBean(TrashSettings.class).purgeInterval())
                        .isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void aPurgeIntervalOfZeroStopsTheStart() {
        withEnvironment(Map.of("LIAISON_TRASH_PURGE_INTERVAL", "0s"))
                .run(context -> assertThat(context).hasFailed());
    }
}
