package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.SettingsContexts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/**
 * The import settings bind from the README's {@code LIAISON_IMPORT_*} and {@code
 * LIAISON_IMPORTS_*} variables, and the upload limit of the servlet follows the import's largest file.
 */
class ImportSettingsTests {

    @EnableConfigurationProperties(ImportSettings.class)
    static class Settings {}

    static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return SettingsContexts.withEnvironment(variables, Settings.class);
    }

    @Test
    void importSettingsBindFromTheirVariables() {
        withEnvironment(Map.of(
                        "LIAISON_IMPORT_MAX_FILE_SIZE", "5MB",
                        "LIAISON_IMPORT_MAX_ROWS", "1234",
                        "LIAISON_IMPORT_MAX_COLUMNS", "12",
                        "LIAISON_IMPORT_MAX_CELL_CHARS", "99",
                        "LIAISON_IMPORT_MAX_ENTRY_SIZE", "3MB",
                        "LIAISON_IMPORT_MAX_COMPRESSION_RATIO", "7",
                        "LIAISON_IMPORTS_BATCH_SIZE", "250",
                        "LIAISON_IMPORTS_KEEP_FILES", "2h"))
                .run(context -> {
                    ImportSettings imports = context.getBean(ImportSettings.class);
                    assertThat(imports.maxFileSize()).isEqualTo(DataSize.ofMegabytes(5));
                    assertThat(imports.batchSize()).isEqualTo(250);
                    assertThat(imports.keepFiles()).isEqualTo(Duration.ofHours(2));
                    assertThat(ImportLimits.of(imports))
                            .isEqualTo(new ImportLimits(
                                    1234, 12, 99, DataSize.ofMegabytes(3).toBytes(), 7));
                    assertThat(context.getEnvironment().getProperty("spring.servlet.multipart.max-file-size"))
                            .isEqualTo("5MB");
                });
    }

    @Test
    void withoutVariablesTheDocumentedDefaultsHold() {
        withEnvironment(Map.of()).run(context -> {
            ImportSettings imports = context.getBean(ImportSettings.class);
            assertThat(imports.maxFileSize()).isEqualTo(DataSize.ofMegabytes(200));
            assertThat(imports.batchSize()).isEqualTo(5000);
            assertThat(ImportLimits.of(imports)).isEqualTo(new ImportLimits(1_000_000, 200, 32767, 100L << 20, 100));
        });
    }
}
