-- Merging duplicate contacts (issue 23). A contact merged away keeps its rows for the undo: it is
-- trashed (so every live query drops it) and marked with the contact it went into, so that the trash
-- page and a restore leave it alone and the purge waits for the undo window to end.
ALTER TABLE contact ADD COLUMN merged_into uuid;

-- One merge: the survivor, the contacts merged into it, the names they had, which contact each field
-- came from, every contact's state before the merge and the survivor's just after (before, after),
-- what moved from the merged contacts to the survivor (follow-ups, timeline entries, external ids,
-- task, event, cadence and conversation links), and the undo with its outcome.
CREATE TABLE contact_merge (
    org_id       uuid NOT NULL REFERENCES organization (id),
    id           uuid NOT NULL,
    survivor_id  uuid NOT NULL,
    merged_ids   uuid[] NOT NULL CHECK (cardinality(merged_ids) BETWEEN 1 AND 9),
    names        jsonb NOT NULL DEFAULT '{}',
    fields       jsonb NOT NULL DEFAULT '{}',
    before       jsonb NOT NULL,
    after        jsonb NOT NULL,
    moved        jsonb NOT NULL,
    merged_by    uuid NOT NULL,
    merged_at    timestamptz NOT NULL DEFAULT now(),
    undone_at    timestamptz,
    undone_by    uuid,
    outcome      jsonb,
    erased_at    timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, survivor_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, merged_by) REFERENCES member (org_id, id)
);
CREATE INDEX contact_merge_recent ON contact_merge (org_id, merged_at DESC, id DESC);
CREATE INDEX contact_merge_by_survivor ON contact_merge (org_id, survivor_id);
CREATE INDEX contact_merge_by_merged ON contact_merge USING gin (merged_ids);
