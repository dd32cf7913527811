-- Words of a contact's other fields, as ordered keys like the name keys of contact_search: every
-- character and character pair of its company and remark (the elements of search_grams), and every
-- run of four, five and six digits of its mobile and other phone numbers, marked '#'. A search for
-- a company word or phone fragment walks one key in recency order and stops after a page, where the
-- grams index found every contact with it and sorted them all. The key with the owner next serves a
-- member's own contacts, so that a member who follows a few of a common word's contacts reads a page
-- of them, not the whole word. Trashed contacts have none. The application writes them whenever the
-- company, remark, phones, owner, last contact or trash state change.
CREATE TABLE contact_word (
    org_id      uuid NOT NULL,
    key         text COLLATE "C" NOT NULL,
    recency     bigint NOT NULL,
    contact_id  uuid NOT NULL,
    owner_id    uuid NOT NULL
);

INSERT INTO contact_word (org_id, key, recency, contact_id, owner_id)
SELECT c.org_id, w.key, contact_recency(c.last_contacted_at), c.id, c.owner_id
  FROM contact c,
       LATERAL (SELECT g AS key FROM unnest(c.search_grams) g
                UNION
                SELECT '#' || substr(n.digits, s, l)
                  FROM (SELECT regexp_replace(c.mobile, '[^0-9]', '', 'g') AS digits
                        UNION ALL
                        SELECT regexp_replace(p ->> 'number', '[^0-9]', '', 'g') FROM jsonb_array_elements(c.phones) p) n,
                       generate_series(4, 6) l,
                       generate_series(1, length(n.digits) - l + 1) s) w
 WHERE c.trashed_at IS NULL;

-- The indexes are built after the rows, each in one sort; more memory keeps the sorts off the disk.
SET LOCAL maintenance_work_mem = '256MB';
CREATE UNIQUE INDEX contact_word_lookup ON contact_word (org_id, key, recency, contact_id) INCLUDE (owner_id);
-- The lookup is the primary key: it starts with org_id, as every tenant table's does (docs/SCALING.md).
ALTER TABLE contact_word ADD CONSTRAINT contact_word_pk PRIMARY KEY USING INDEX contact_word_lookup;
CREATE INDEX contact_word_by_owner ON contact_word (org_id, key, owner_id, recency, contact_id);
CREATE INDEX contact_word_by_contact ON contact_word (contact_id);
-- A key missing from the most common values is taken for rarer than any of them: keep many.
ALTER TABLE contact_word ALTER COLUMN key SET STATISTICS 1000;
ANALYZE contact_word;

-- Phone fragments are found by the word keys alone now.
DROP INDEX contact_mobile_grams;
ALTER TABLE contact DROP COLUMN mobile_grams;
