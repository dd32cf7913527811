-- The contact list walks an index in its order and stops after a page. With the owner and the tags
-- in the index, the walk filters on them without reading the table (an index-only scan), so a tag
-- filter or a member's visibility costs index entries, not a table row each.
DROP INDEX contact_by_updated;
CREATE INDEX contact_by_updated ON contact (org_id, updated_at DESC, id DESC) INCLUDE (owner_id, tag_ids)
    WHERE trashed_at IS NULL;

-- A member's own contacts in list order: the list of a member who sees only their own contacts
-- walks this one, and counts them from it alone. It serves the plain owner lookups of
-- contact_by_owner too.
CREATE INDEX contact_by_owner_updated ON contact (org_id, owner_id, updated_at DESC, id DESC) INCLUDE (tag_ids)
    WHERE trashed_at IS NULL;
DROP INDEX contact_by_owner;
