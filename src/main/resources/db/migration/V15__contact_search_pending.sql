-- An import writes a batch's name search keys on a second connection, after the batch's contacts
-- are committed, so that the database builds them while the next batch is read. Each such batch
-- leaves a row here in the contacts' transaction, deleted in the keys' transaction: a row that
-- stays (the node died between the two) names the contacts whose keys must be written again.
CREATE TABLE contact_search_pending (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    job_id      uuid NOT NULL,
    contact_ids uuid[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
