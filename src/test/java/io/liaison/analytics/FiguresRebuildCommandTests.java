package io.liaison.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FiguresRebuildCommandTests {

    @Test
    void theOrganizationIsRequiredAndIsACodeOrAll() {
        assertThat(FiguresRebuildCommand.parse(new String[] {"rebuild-figures", "--org", "acme"}))
                .isEqualTo("acme");
        assertThat(FiguresRebuildCommand.parse(new String[] {"rebuild-figures", "--org=all"}))
                .isEqualTo("all");
        assertThatThrownBy(() -> FiguresRebuildCommand.parse(new String[] {"rebuild-figures"}))
                .hasMessage("rebuild-figures: --org is required");
        assertThatThrownBy(() -> FiguresRebuildCommand.parse(new String[] {"rebuild-figures", "--org", "Acme Ltd"}))
                .hasMessage("rebuild-figures: --org must be an organization's code or all, not 'Acme Ltd'");
        assertThatThrownBy(() -> FiguresRebuildCommand.parse(new String[] {"rebuild-figures", "--contacts", "5"}))
                .hasMessage("rebuild-figures: unknown option --contacts");
    }
}
