package io.liaison.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoDataCommandTests {

    @Test
    void contactsAndSeedHaveDefaultsAndLimits() {
        assertThat(DemoDataCommand.parse(new String[] {"demo-data"}))
                .isEqualTo(new DemoDataCommand.Options(100_000, 42));
        assertThat(DemoDataCommand.parse(new String[] {"demo-data", "--contacts=2_000", "--seed", "-5"}))
                .isEqualTo(new DemoDataCommand.Options(2_000, -5));
        assertThatThrownBy(() -> DemoDataCommand.parse(new String[] {"demo-data", "--contacts", "0"}))
                .hasMessage("demo-data: --contacts must be between 1 and 50000000");
        assertThatThrownBy(() -> DemoDataCommand.parse(new String[] {"demo-data", "--org", "acme"}))
                .hasMessage("demo-data: unknown option --org");
    }
}
