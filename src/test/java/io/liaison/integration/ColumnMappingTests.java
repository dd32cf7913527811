package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTests {

    @Test
    void theExternalIdColumnsOfAnExportInEitherLanguageAreReadBackAsTheirSource() {
        ColumnMapping mapping = ColumnMapping.of(
                List.of("姓名", "外部编号（crm）", "External id (erp)", "externalIds.shop"), Map.of(), Map.of());
        assertThat(mapping.targets()).containsExactly("name", "externalId:crm", "externalId:erp", "externalId:shop");
    }
}
