package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://x\",\"y\")",
                "+8613800138000",
                "-2+3",
                "@SUM(A1)",
                "\tcmd",
                "\r=1",
                "  =1+1",
                "'=already quoted",
                "'text"
            })
    void aCellThatASpreadsheetWouldRunIsWrittenAsTextAndReadBackUnchanged(String cell) {
        String written = FormulaGuard.escape(cell);
        assertThat(written).isEqualTo("'" + cell);
        assertThat(FormulaGuard.unescape(written)).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "张三", "a=b", "13800138000", "1985-03-02", "x@example.cn", " plain"})
    void otherCellsStayAsTheyAre(String cell) {
        assertThat(FormulaGuard.escape(cell)).isEqualTo(cell);
        assertThat(FormulaGuard.unescape(cell)).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'123", "'abc", "'"})
    void anApostropheFromElsewhereBeforeOrdinaryTextIsKept(String cell) {
        assertThat(FormulaGuard.unescape(cell)).isEqualTo(cell);
    }
}
