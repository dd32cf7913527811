package io.liaison.chat.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void aNameKeepsItsLastPathPartWithoutControlOrFormattingCharacters() {
        assertThat(FileNames.clean("C:\\Users\\me\\合同.pdf")).isEqualTo("合同.pdf");
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("  报价\u0000单\n.xlsx  ")).isEqualTo("报价单.xlsx");
        assertThat(FileNames.clean("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
    }

    @Test
    void aNameWithNothingLeftIsCalledFile() {
        assertThat(FileNames.clean("")).isEqualTo("file");
        assertThat(FileNames.clean("dir/")).isEqualTo("file");
        assertThat(FileNames.clean("..")).isEqualTo("file");
        assertThat(FileNames.clean("\u0001\u0002")).isEqualTo("file");
    }

    @Test
    void aLongNameIsCutTo255CharactersKeepingItsExtensionAndWholeCharacters() {
        String cut = FileNames.clean("年".repeat(300) + ".docx");
        assertThat(cut).hasSize(255).endsWith("年.docx");

        String emoji = FileNames.clean("😀".repeat(200));
        assertThat(emoji.length()).isLessThanOrEqualTo(255);
        assertThat(emoji.codePoints().allMatch(c -> c == "😀".codePointAt(0))).isTrue();
    }
}
