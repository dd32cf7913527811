-- A contact's tags, also as an array on the contact row, kept equal to contact_tag by triggers
-- (whatever writes contact_tag: the API, imports, merges, deleting a tag). Tag filters become
-- conditions on the row (@> for "all", && for "any") that one GIN index answers for any number of
-- tags, that the planner can AND with the owner index for a member who sees only their own
-- contacts, and that it estimates from the array's element statistics.
ALTER TABLE contact ADD COLUMN tag_ids uuid[] NOT NULL DEFAULT '{}';

UPDATE contact c
   SET tag_ids = ARRAY(SELECT t.tag_id FROM contact_tag t
                        WHERE t.org_id = c.org_id AND t.contact_id = c.id ORDER BY t.tag_id)
 WHERE EXISTS (SELECT 1 FROM contact_tag t WHERE t.org_id = c.org_id AND t.contact_id = c.id);

CREATE INDEX contact_tags ON contact USING gin (tag_ids) WHERE trashed_at IS NULL;

CREATE FUNCTION contact_tag_ids_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE contact c
       SET tag_ids = ARRAY(SELECT t.tag_id FROM contact_tag t
                            WHERE t.org_id = c.org_id AND t.contact_id = c.id ORDER BY t.tag_id)
     WHERE (c.org_id, c.id) IN (SELECT DISTINCT org_id, contact_id FROM changed);
    RETURN NULL;
END $$;

CREATE TRIGGER contact_tag_ids_inserted AFTER INSERT ON contact_tag
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION contact_tag_ids_refresh();
CREATE TRIGGER contact_tag_ids_deleted AFTER DELETE ON contact_tag
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION contact_tag_ids_refresh();
-- An update may move a tag from one contact to another (a merge): both get their arrays again.
CREATE TRIGGER contact_tag_ids_updated_from AFTER UPDATE ON contact_tag
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION contact_tag_ids_refresh();
CREATE TRIGGER contact_tag_ids_updated_to AFTER UPDATE ON contact_tag
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION contact_tag_ids_refresh();
