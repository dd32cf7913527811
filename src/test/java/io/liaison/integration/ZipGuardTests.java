package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.shared.LiaisonException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipGuardTests {

    static final ImportLimits LIMITS = new ImportLimits(1_000, 20, 100, 4 << 20, 100);

    @TempDir
    Path dir;

    int files;

    /** A new file each time: the guard remembers the files it passed. */
    Path file(byte[] bytes) throws Exception {
        return Files.write(dir.resolve("book" + ++files + ".xlsx"), bytes);
    }

    LiaisonException refusal(byte[] workbook) throws Exception {
        Path file = file(workbook);
        return (LiaisonException) assertThatThrownBy(() -> ZipGuard.check(file, LIMITS))
                .isInstanceOf(LiaisonException.class)
                .actual();
    }

    @Test
    void aWorkbookWithinTheLimitsPassesAndReads() throws Exception {
        Path file = file(Workbooks.of(s -> s.row(1, "name", "mobile").row(2, "张三", "13812345678"), ""));
        assertThatCode(() -> ZipGuard.check(file, LIMITS)).doesNotThrowAnyException();
        try (Sheet sheet = ImportFormat.open(file, ImportFormat.XLSX, null, LIMITS)) {
            assertThat(sheet.header()).containsExactly("name", "mobile");
            assertThat(sheet.next().cells()).containsExactly("张三", "13812345678");
        }
    }

    @Test
    void aPartThatInflatesFarMoreThanItsBytesIsAZipBomb() throws Exception {
        byte[] bomb = Workbooks.of(s -> s.repeat("<row/>", 1 << 20), "");
        assertThat(bomb.length).isLessThan(20_000);
        LiaisonException e = refusal(bomb);
        assertThat(e.type()).isEqualTo("import-compression-ratio");
        assertThat(e.status().value()).isEqualTo(413);
        assertThat(e.args()).containsExactly(100, "xl/worksheets/sheet1.xml");
    }

    @Test
    void aPartPastTheSizeLimitIsRefusedWhateverItsRatio() throws Exception {
        ImportLimits loose = new ImportLimits(1_000, 20, 100, 4 << 20, 100_000);
        Path file = file(Workbooks.of(
                s -> {
                    for (int r = 1; r <= 200_000; r++) {
                        s.row(r, "n" + r);
                    }
                },
                ""));
        assertThatThrownBy(() -> ZipGuard.check(file, loose)).isInstanceOfSatisfying(LiaisonException.class, e -> {
            assertThat(e.type()).isEqualTo("import-entry-too-large");
            assertThat(e.args()).containsExactly("4 MB", "xl/worksheets/sheet1.xml");
        });
    }

    @Test
    void anOverLongCellIsNamedByItsRowAndColumn() throws Exception {
        LiaisonException e = refusal(Workbooks.of(s -> s.row(1, "name", "note").row(2, "张三", "x".repeat(101)), ""));
        assertThat(e.type()).isEqualTo("import-cell-too-long");
        assertThat(e.args()).containsExactly(100, 2, "B");
    }

    @Test
    void aCellOfTheLimitExactlyPasses() throws Exception {
        Path file = file(Workbooks.of(s -> s.row(1, "name").row(2, "好".repeat(100)), ""));
        assertThatCode(() -> ZipGuard.check(file, LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void richTextRunsEntitiesAndCdataCountAsTheCellTheyMake() throws Exception {
        String runs = "<r><t>" + "a".repeat(60) + "</t></r><r><t>" + "b".repeat(60) + "</t></r>";
        LiaisonException e = refusal(Workbooks.of(
                s -> s.write("<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is>" + runs + "</is></c></row>"), ""));
        assertThat(e.args()).containsExactly(100, 3, "C");
        Path entities = file(Workbooks.of(s -> s.row(1, "&amp;".repeat(100)), ""));
        assertThatCode(() -> ZipGuard.check(entities, LIMITS)).doesNotThrowAnyException();
        LiaisonException cdata = refusal(Workbooks.of(
                s -> s.write("<row r=\"4\"><c r=\"D4\" t=\"inlineStr\"><is><t><![CDATA[" + "<>".repeat(60)
                        + "]]></t></is></c></row>"),
                ""));
        assertThat(cdata.args()).containsExactly(100, 4, "D");
    }

    @Test
    void anOverLongSharedStringIsNamedByTheCellThatShowsIt() throws Exception {
        String strings = "<si><t>name</t></si><si><t>" + "长".repeat(101) + "</t></si>";
        LiaisonException e = refusal(Workbooks.of(
                s -> s.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                        + "<row r=\"7\"><c r=\"E7\" t=\"s\"><v>1</v></c></row>"),
                strings));
        assertThat(e.type()).isEqualTo("import-cell-too-long");
        assertThat(e.args()).containsExactly(100, 7, "E");
    }

    @Test
    void rowsColumnsAndCellsAreCountedAsTheSheetIsRead() throws Exception {
        ImportLimits limits = new ImportLimits(2, 3, 10, 4 << 20, 100);
        Path file = file(Workbooks.of(
                s -> s.row(1, "a", "b", "c").row(2, "1").row(3, "2").row(4, "3"), ""));
        try (Sheet sheet = ImportFormat.open(file, ImportFormat.XLSX, null, limits)) {
            sheet.next();
            sheet.next();
            assertThatThrownBy(sheet::next).isInstanceOfSatisfying(LiaisonException.class, e -> {
                assertThat(e.type()).isEqualTo("import-too-many-rows");
                assertThat(e.args()).containsExactly(2);
            });
        }
        Path wide = file(Workbooks.of(s -> s.row(1, "a", "b", "c", "d", "", ""), ""));
        assertThatThrownBy(() -> ImportFormat.open(wide, ImportFormat.XLSX, null, limits))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.type()).isEqualTo("import-too-many-columns");
                    assertThat(e.args()).containsExactly(3, 1, 4);
                });
        Path csv = Files.writeString(dir.resolve("a.csv"), "a,b\n1,12345678901\n");
        try (Sheet sheet = ImportFormat.open(csv, ImportFormat.CSV, null, limits)) {
            assertThatThrownBy(sheet::next)
                    .isInstanceOfSatisfying(
                            LiaisonException.class,
                            e -> assertThat(List.of(e.args())).containsExactly(10, 2, "B"));
        }
    }
}
