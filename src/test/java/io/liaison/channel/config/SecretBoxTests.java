package io.liaison.channel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
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
    void nodesStartingTogetherOnAnEmptyDataDirectoryAllReadTheFirstKey() throws Exception {
        int nodes = 8;
        ExecutorService starts = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 20; round++) {
                Path shared = dataDir.resolve("data-" + round);
                CyclicBarrier together = new CyclicBarrier(nodes);
                List<Future<String>> sealed = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    sealed.add(starts.submit(() -> {
                        together.await();
                        return new SecretBox(null, shared).encrypt(SECRET);
                    }));
                }
                SecretBox later = new SecretBox(null, shared);
                for (Future<String> one : sealed) {
                    assertThat(later.decrypt(one.get()))
                            .as("every node sealed with the one key")
                            .isEqualTo(SECRET);
                }
                try (Stream<Path> files = Files.list(shared)) {
                    assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SecretBox.KEY_FILE);
                }
            }
        } finally {
            starts.shutdownNow();
        }
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
