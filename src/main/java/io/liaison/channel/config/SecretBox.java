package io.liaison.channel.config;

import io.liaison.channel.TokenSeal;
import io.liaison.channel.send.ChannelSettings;
import io.liaison.shared.LiaisonProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts channel secrets at rest with AES-256-GCM (Spring Security Crypto; a random IV per value,
 * kept in front of the ciphertext, Base64 in the column). The key is derived (PBKDF2) from {@code
 * LIAISON_SECRET_KEY}, or from a random key generated once into {@code <data dir>/secret-key}, which
 * only the server's user may read (mode 600). Every node of a cluster needs the same key. It also
 * seals the tokens of links ({@link TokenSeal}), so that Liaison keeps one key, not two.
 */
@Component
class SecretBox implements TokenSeal {

    static final String KEY_FILE = "secret-key";
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final byte[] SALT = "liaison.channel.secret".getBytes(StandardCharsets.UTF_8);
    private static final int MIN_KEY_CHARS = 16;
    /** The random IV in front of a sealed value and GCM's tag behind it. */
    private static final int SEAL_OVERHEAD = 16 + 16;

    private final BytesEncryptor encryptor;

    @Autowired
    SecretBox(ChannelSettings settings, LiaisonProperties properties) {
        this(settings.secretKey(), properties.dataDir());
    }

    SecretBox(@Nullable String key, Path dataDir) {
        String material = key;
        if (material == null || material.isBlank()) {
            material = keyFile(dataDir);
        } else if (material.length() < MIN_KEY_CHARS) {
            throw new IllegalArgumentException(
                    "LIAISON_SECRET_KEY must have at least " + MIN_KEY_CHARS + " characters");
        }
        this.encryptor = new AesBytesEncryptor(
                derive(material), KeyGenerators.secureRandom(16), AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    String encrypt(String secret) {
        return Base64.getEncoder().encodeToString(encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
    }

    String decrypt(String stored) {
        return new String(encryptor.decrypt(Base64.getDecoder().decode(stored)), StandardCharsets.UTF_8);
    }

    @Override
    public String seal(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(encryptor.encrypt(data));
    }

    @Override
    public Optional<byte[]> open(String token) {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (sealed.length <= SEAL_OVERHEAD) {
            return Optional.empty();
        }
        try {
            return Optional.of(encryptor.decrypt(sealed));
        } catch (IllegalStateException e) {
            // GCM's tag does not match: altered, made up, or sealed with another key
            return Optional.empty();
        }
    }

    private static SecretKey derive(String material) {
        try {
            PBEKeySpec spec = new PBEKeySpec(material.toCharArray(), SALT, 100_000, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * The generated key, written on first use with mode 600; every later start reads it. It is written
     * whole under a name of its own, then linked to its place, which fails if the file is there: nodes
     * sharing the data directory that start together read either no file or a whole one, and all of
     * them the key of the first link.
     */
    private static String keyFile(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path draft = Files.createTempFile(
                        dataDir,
                        KEY_FILE + ".",
                        ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    try (FileChannel channel = FileChannel.open(draft, StandardOpenOption.WRITE)) {
                        channel.write(StandardCharsets.UTF_8.encode(
                                Base64.getEncoder().encodeToString(key) + "\n"));
                        channel.force(true);
                    }
                    Files.createLink(file, draft);
                    log.info("Generated the key for channel secrets in {}; back it up with the database", file);
                } catch (FileAlreadyExistsException e) {
                    // another node sharing the data directory linked its key first
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (key.length() < MIN_KEY_CHARS) {
                throw new IllegalStateException(file + " holds no key; remove it or set LIAISON_SECRET_KEY");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write or read the channel secret key " + file, e);
        }
    }
}
