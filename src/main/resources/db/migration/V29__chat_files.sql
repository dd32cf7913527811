-- Files that chat messages carry (module chat, part chat.file). A row per upload: the name as
-- uploaded (cleaned), the media type detected from the bytes, and for an image that ImageIO reads
-- its size in pixels. The bytes live under <data dir>/files/ named by their SHA-256, so identical
-- bytes uploaded twice, by anyone in any organization, are stored once; a row never shares more
-- than that hash with another organization's. uploader_kind leaves room for guests (external
-- contacts as users): uploaded_by is then a guest account's id, so it references no table here.
CREATE TABLE chat_file (
    org_id         uuid NOT NULL REFERENCES organization (id),
    id             uuid NOT NULL,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    size           bigint NOT NULL CHECK (size >= 0),
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media_type     text NOT NULL CHECK (length(media_type) BETWEEN 1 AND 255),
    image          boolean NOT NULL,
    width          int CHECK (width > 0),
    height         int CHECK (height > 0),
    uploader_kind  text NOT NULL DEFAULT 'member' CHECK (uploader_kind IN ('member', 'guest')),
    uploaded_by    uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    CHECK (image = (width IS NOT NULL AND height IS NOT NULL))
);
CREATE INDEX chat_file_by_uploader ON chat_file (org_id, uploaded_by, id);
-- Whether any row still names a hash, before its bytes may be removed.
CREATE INDEX chat_file_by_hash ON chat_file (sha256);

-- Bytes an organization's uploads take (each upload counted, as its members see them), kept as one
-- number so that the limit is checked by one UPDATE rather than a sum over every file.
CREATE TABLE chat_file_usage (
    org_id  uuid PRIMARY KEY REFERENCES organization (id),
    bytes   bigint NOT NULL CHECK (bytes >= 0)
);
