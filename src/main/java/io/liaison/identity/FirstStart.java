package io.liaison.identity;

import io.liaison.shared.LiaisonProperties;
import io.liaison.shared.TimeZones;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the very first start, before the server takes requests, creates the organization and its
 * administrator {@code admin}, who is also the system administrator. Later starts change nothing.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final OrganizationService organizations;
    private final FirstStartSettings settings;
    private final LiaisonProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    FirstStart(
            OrganizationService organizations,
            FirstStartSettings settings,
            LiaisonProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.organizations = organizations;
        this.settings = settings;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            // Two nodes starting together on an empty database: only one creates the organization.
            jdbc.sql("SELECT pg_advisory_xact_lock(7411)").query().singleRow();
            if (!organizations.anyExists()) {
                createFirstOrganization();
            }
        });
    }

    private void createFirstOrganization() {
        String zone = settings.timeZone() == null || settings.timeZone().isBlank()
                ? null
                : settings.timeZone().trim();
        if (zone != null && !TimeZones.accepted(zone)) {
            throw new IllegalStateException("LIAISON_ORG_TIME_ZONE is '" + zone
                    + "', which is no time zone Liaison knows; give an IANA name such as Asia/Shanghai or UTC");
        }
        String configured = settings.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        var created = organizations.create(
                new OrganizationService.CreateOrganization(
                        settings.organizationName(), "default", properties.locale(), "admin", password, null, zone),
                null,
                true);
        log.info(
                "Created the organization '{}' in the time zone {} with its administrator 'admin'",
                created.organization().name(),
                created.organization().timeZone());
        if (generated) {
            Path file = writePasswordFile(password);
            log.warn("Initial password of 'admin', shown only this once: {} (also in {})", password, file);
        }
    }

    private Path writePasswordFile(String password) {
        try {
            Files.createDirectories(properties.dataDir());
            Path file = properties.dataDir().resolve(PASSWORD_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the initial administrator password", e);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
