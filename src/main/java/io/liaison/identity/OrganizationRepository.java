package io.liaison.identity;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization)")
                .query(Boolean.class)
                .single();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization WHERE code = ?)")
                .param(code)
                .query(Boolean.class)
                .single();
    }

    void insert(UUID id, String name, String code, String locale, ZoneId timeZone) {
        jdbc.sql("INSERT INTO organization (id, name, code, locale, time_zone) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, code, locale, timeZone.getId())
                .update();
    }

    void setTimeZone(UUID id, ZoneId timeZone) {
        jdbc.sql("UPDATE organization SET time_zone = ? WHERE id = ?")
                .params(timeZone.getId(), id)
                .update();
    }

    void setMasking(UUID id, boolean mask) {
        jdbc.sql("UPDATE organization SET mask_contact_details = ? WHERE id = ?")
                .params(mask, id)
                .update();
    }

    Optional<Organization> find(UUID id) {
        return jdbc.sql(
                        "SELECT id, name, code, locale, time_zone, mask_contact_details, created_at FROM organization WHERE id = ?")
                .param(id)
                .query(Organization.class)
                .optional();
    }
}
