-- Export jobs: what to export (the list's filter or chosen ids), the file written in the data
-- directory, and how many contacts it holds. The file is deleted when it expires (a day after).
CREATE TABLE export_job (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL REFERENCES organization (id),
    created_by   uuid NOT NULL,
    format       text NOT NULL CHECK (format IN ('csv', 'xlsx', 'vcard')),
    settings     jsonb NOT NULL,
    status       text NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'completed', 'failed', 'expired')),
    rows         int NOT NULL DEFAULT 0,
    failure      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    expires_at   timestamptz,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES member (org_id, id)
);
CREATE INDEX export_job_recent ON export_job (org_id, created_by, created_at DESC);
CREATE INDEX export_job_expiry ON export_job (expires_at) WHERE status = 'completed';
