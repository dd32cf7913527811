package io.liaison.integration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files uploaded for a preview, waiting to be imported by their id. */
@Repository
class ImportUploads {

    private final JdbcClient jdbc;

    ImportUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Upload(UUID id, String fileName, long fileSize) {}

    void insert(UUID orgId, UUID memberId, UUID id, String fileName, long size) {
        jdbc.sql("INSERT INTO import_upload (id, org_id, member_id, file_name, file_size) VALUES (?, ?, ?, ?, ?)")
                .params(id, orgId, memberId, fileName, size)
                .update();
    }

    /** The member's upload. */
    Optional<Upload> find(UUID orgId, UUID memberId, UUID id) {
        return jdbc.sql(
                        "SELECT id, file_name, file_size FROM import_upload WHERE org_id = ? AND member_id = ? AND id = ?")
                .params(orgId, memberId, id)
                .query(Upload.class)
                .optional();
    }

    /** An upload no longer waiting: its job has started. */
    void remove(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM import_upload WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    /** Removes the uploads older than the cutoff; answers their ids, whose files may go. */
    List<UUID> expire(OffsetDateTime cutoff) {
        return jdbc.sql("DELETE FROM import_upload WHERE created_at < ? RETURNING id")
                .param(cutoff)
                .query(UUID.class)
                .list();
    }
}
