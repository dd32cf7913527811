package io.liaison.channel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

    static final String SECRET = "SECa1b2c3d4e5f6密钥";

    @TempDir
    Path dataDir;

    @Test
    void aSecretIsStoredEncryptedAndReadBackWithTheSameKey() {
        SecretBox box = new SecretBox("a key of sixteen or more", dataDir);
        String stored = box.encrypt(SECRET);

        assertThat(stored).doesNotContain("SECa1b2").isNotEqualTo(box.encrypt(SECRET));
        assertThat(new SecretBox("a key of sixteen or more", dataDir).decrypt(stored))
                .isEqualTo(SECRET);
        assertThatThrownBy(() -> new SecretBox("another key of sixteen", dataDir).decrypt(stored))
                .as("GCM refuses another key")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyOneIsGeneratedIntoTheDataDirectoryReadableOnlyByTheServer() throws Exception {
        String stored = new SecretBox(null, dataDir).encrypt(SECRET);

        Path file = dataDir.resolve(SecretBox.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new SecretBox("", dataDir).decrypt(stored))
                .as("the next start reads the same key")
                .isEqualTo(SECRET);
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new SecretBox("short", dataDir)).hasMessageContaining("LIAISON_SECRET_KEY");
    }

    @Test
    void aSealedTokenOpensWithTheSameKeyAndNeverWhenAlteredOrSealedWithAnother() {
        SecretBox box = new SecretBox("a key of sixteen or more", dataDir);
        byte[] data = "contact 42".getBytes(StandardCharsets.UTF_8);
        String token = box.seal(data);

        assertThat(token).matches("[A-Za-z0-9_-]+").isNotEqualTo(box.seal(data));
        assertThat(new SecretBox("a key of sixteen or more", dataDir).open(token))
                .hasValue(data);
        assertThat(new SecretBox("another key of sixteen", dataDir).open(token)).isEmpty();
        char last = token.charAt(20);
        String altered = token.substring(0, 20) + (last == 'A' ? 'B' : 'A') + token.substring(21);
        assertThat(box.open(altered)).as("one character changed").isEmpty();
        assertThat(box.open(token.substring(0, 30))).as("cut short").isEmpty();
        assertThat(box.open("not+base64url/")).isEmpty();
        assertThat(box.open("")).isEmpty();
    }
}
