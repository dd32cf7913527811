-- The workbench's recent activity: a member's live contacts by their latest contact, newest first,
-- read from the top of this index however many contacts the member follows.
CREATE INDEX contact_by_owner_contacted ON contact (org_id, owner_id, last_contacted_at DESC, id DESC)
    WHERE trashed_at IS NULL AND last_contacted_at IS NOT NULL;
