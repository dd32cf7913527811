-- Hand-overs (issue 23): an administrator hands a member's contacts, the groups they own and their open
-- tasks to another member, all of them or those of a contact filter. A db-scheduler job does it in
-- batches, one transaction each; the batch's cursor (the last contact id done) and the counts are
-- written in the batch's transaction, so a job taken over after a crash goes on where it stopped.
-- phase: contacts (walking the contacts), rest (the groups and tasks not linked to a contact, when no
-- filter narrows the hand-over), done. include holds contacts, conversations, tasks.
CREATE TABLE review_handover (
    org_id          uuid NOT NULL REFERENCES organization (id),
    id              uuid NOT NULL,
    from_member     uuid NOT NULL,
    to_member       uuid NOT NULL,
    created_by      uuid NOT NULL,
    filter          jsonb CHECK (length(filter::text) <= 8000),
    include         text[] NOT NULL CHECK (cardinality(include) BETWEEN 1 AND 3),
    channel         text CHECK (channel IN ('email')),
    message         text CHECK (length(message) BETWEEN 1 AND 2000),
    language        text NOT NULL CHECK (length(language) BETWEEN 2 AND 16),
    phase           text NOT NULL DEFAULT 'contacts' CHECK (phase IN ('contacts', 'rest', 'done', 'failed')),
    contact_cursor  uuid,
    planned         int NOT NULL DEFAULT 0 CHECK (planned >= 0),
    contacts        int NOT NULL DEFAULT 0 CHECK (contacts >= 0),
    conversations   int NOT NULL DEFAULT 0 CHECK (conversations >= 0),
    tasks           int NOT NULL DEFAULT 0 CHECK (tasks >= 0),
    messages        int NOT NULL DEFAULT 0 CHECK (messages >= 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, from_member) REFERENCES member (org_id, id),
    FOREIGN KEY (org_id, to_member) REFERENCES member (org_id, id),
    CHECK ((message IS NULL) = (channel IS NULL)),
    CHECK ((phase IN ('done', 'failed')) = (finished_at IS NOT NULL))
);
CREATE INDEX review_handover_by_member ON review_handover (org_id, from_member, created_at DESC);
CREATE INDEX review_handover_unfinished ON review_handover (org_id, id) WHERE finished_at IS NULL;

-- The contacts a hand-over moved, each with the state of its message ("your new contact is ..."):
-- none (no message asked), queued, sent, failed, skipped (no e-mail address, or the channel refused).
CREATE TABLE review_handover_contact (
    org_id       uuid NOT NULL,
    handover_id  uuid NOT NULL,
    contact_id   uuid NOT NULL,
    state        text NOT NULL CHECK (state IN ('none', 'queued', 'sent', 'failed', 'skipped')),
    address      text CHECK (length(address) <= 320),
    delivery_id  uuid,
    PRIMARY KEY (org_id, handover_id, contact_id),
    FOREIGN KEY (org_id, handover_id) REFERENCES review_handover (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);
CREATE INDEX review_handover_contact_by_delivery ON review_handover_contact (org_id, delivery_id)
    WHERE delivery_id IS NOT NULL;

-- A member's live contacts in id order: the hand-over walks them by keyset, one batch at a time.
CREATE INDEX contact_by_owner_id ON contact (org_id, owner_id, id) WHERE trashed_at IS NULL;
