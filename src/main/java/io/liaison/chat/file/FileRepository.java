package io.liaison.chat.file;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The file rows and each organization's bytes in use; every statement is bound to one organization. */
@Repository
class FileRepository {

    private static final String COLUMNS =
            "org_id, id, name, size, sha256, media_type, image, width, height, uploader_kind, uploaded_by, created_at";

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile file) {
        jdbc.sql("""
                        INSERT INTO chat_file (org_id, id, name, size, sha256, media_type, image, width, height,
                                               uploader_kind, uploaded_by, created_at)
                        VALUES (:org, :id, :name, :size, :sha256, :type, :image, :width, :height,
                                :kind, :by, :at)
                        """)
                .param("org", file.orgId())
                .param("id", file.id())
                .param("name", file.name())
                .param("size", file.size())
                .param("sha256", file.sha256())
                .param("type", file.mediaType())
                .param("image", file.image())
                .param("width", file.width())
                .param("height", file.height())
                .param("kind", file.uploaderKind())
                .param("by", file.uploadedBy())
                .param("at", file.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Adds {@code bytes} to the organization's usage unless that passes {@code max}; false when it
     * would (the row is locked until the upload's transaction ends, so two uploads cannot both pass).
     */
    boolean reserve(UUID orgId, long bytes, long max) {
        jdbc.sql("INSERT INTO chat_file_usage (org_id, bytes) VALUES (:org, 0) ON CONFLICT DO NOTHING")
                .param("org", orgId)
                .update();
        return jdbc.sql(
                                "UPDATE chat_file_usage SET bytes = bytes + :bytes WHERE org_id = :org AND bytes + :bytes <= :max")
                        .param("org", orgId)
                        .param("bytes", bytes)
                        .param("max", max)
                        .update()
                == 1;
    }

    /**
     * Holds the bytes with this hash until the transaction ends: an upload of them and the cleanup that
     * may delete them take it, so that the cleanup never deletes bytes a new row is about to name.
     */
    void lockContent(String sha256) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:sha256, 0))")
                .param("sha256", sha256)
                .query(Object.class)
                .single();
    }

    /**
     * Marks the files as carried by a message, once; the rows stay locked until the message's
     * transaction ends, so the cleanup of unattached files (which skips locked rows) cannot take them.
     */
    void markAttached(UUID orgId, Collection<UUID> ids) {
        jdbc.sql(
                        "UPDATE chat_file SET attached_at = coalesce(attached_at, now()) WHERE org_id = :org AND id = ANY(:ids)")
                .param("org", orgId)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    Optional<StoredFile> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_file WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(FileRepository::row)
                .optional();
    }

    List<StoredFile> findAll(UUID orgId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_file WHERE org_id = :org AND id = ANY(:ids)")
                .param("org", orgId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(FileRepository::row)
                .list();
    }

    private static StoredFile row(ResultSet rs, int n) throws SQLException {
        return new StoredFile(
                rs.getObject("org_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("media_type"),
                rs.getBoolean("image"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getString("uploader_kind"),
                rs.getObject("uploaded_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
