-- Import jobs. The uploaded file stays in the data directory until the job is finished and a day
-- has passed. A job works in batches; each batch commits its contacts, its refused rows and the
-- job's counters together, with next_record: the number of records of the file that committed
-- batches have handled. A job that stops for any reason resumes at next_record, so no record is
-- imported twice and none is left out.
CREATE TABLE import_job (
    id                uuid PRIMARY KEY,
    org_id            uuid NOT NULL REFERENCES organization (id),
    created_by        uuid NOT NULL,
    file_name         text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    file_size         bigint NOT NULL,
    format            text NOT NULL CHECK (format IN ('csv', 'xlsx', 'vcard')),
    mode              text NOT NULL CHECK (mode IN ('create', 'upsert', 'update')),
    match             text NOT NULL CHECK (match IN ('mobile', 'email', 'externalId', 'name+company')),
    settings          jsonb NOT NULL,
    dry_run           boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'queued'
                          CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    total             int,
    next_record       int NOT NULL DEFAULT 0,
    created           int NOT NULL DEFAULT 0,
    updated           int NOT NULL DEFAULT 0,
    unchanged         int NOT NULL DEFAULT 0,
    skipped           int NOT NULL DEFAULT 0,
    failed            int NOT NULL DEFAULT 0,
    failure           text,
    cancel_requested  boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES member (org_id, id)
);
CREATE INDEX import_job_recent ON import_job (org_id, created_at DESC);
CREATE INDEX import_job_finished ON import_job (finished_at) WHERE finished_at IS NOT NULL;

-- Rows of the file that were not imported (failed or skipped), and notes on rows that were
-- imported without part of their data; record is the row number a user sees in their sheet.
CREATE TABLE import_problem (
    org_id      uuid NOT NULL,
    job_id      uuid NOT NULL,
    record      int NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('failed', 'skipped', 'note')),
    reason      text NOT NULL,
    cells       jsonb NOT NULL,
    PRIMARY KEY (org_id, job_id, record, kind),
    FOREIGN KEY (org_id, job_id) REFERENCES import_job (org_id, id) ON DELETE CASCADE
);

-- A file uploaded for a preview, imported later by its id without sending it again.
CREATE TABLE import_upload (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    member_id   uuid NOT NULL,
    file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    file_size   bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
CREATE INDEX import_upload_expiry ON import_upload (created_at);
