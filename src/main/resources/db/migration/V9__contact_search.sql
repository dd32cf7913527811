-- Search. A name is found by exact lookup of keys computed by the application (shared.SearchText):
-- the whole normalised name, its prefixes, pinyin and initials prefixes and, for short names, every
-- substring. Each key row carries the match tier and the contact's recency, so that one B-tree
-- range answers a query already in ranking order, whatever the number of matches; owner_id lets
-- the visibility predicate run on the index alone. Trashed contacts have no keys.
CREATE TABLE contact_search (
    org_id      uuid NOT NULL,
    key         text COLLATE "C" NOT NULL,
    tier        smallint NOT NULL,
    recency     bigint NOT NULL,
    contact_id  uuid NOT NULL,
    owner_id    uuid NOT NULL,
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX contact_search_lookup ON contact_search (org_id, key, tier, recency, contact_id) INCLUDE (owner_id);
CREATE INDEX contact_search_by_contact ON contact_search (contact_id);

-- Which version of the key rules the stored keys follow; the application rewrites them all when
-- its rules are newer.
CREATE TABLE contact_search_state (
    only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version     int NOT NULL
);
INSERT INTO contact_search_state (version) VALUES (0);

-- Most recently contacted first, never contacted last: ascending order of this value.
CREATE FUNCTION contact_recency(at timestamptz) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(-(extract(epoch FROM at) * 1000000)::bigint, 0);

-- Company and remark are found through every character and every pair of adjacent characters
-- (white space removed), which serves one- and two-character Chinese queries (trigrams cannot);
-- mobiles through every run of four digits. The application computes both on every write.
ALTER TABLE contact ADD COLUMN search_grams text[] NOT NULL DEFAULT '{}';
ALTER TABLE contact ADD COLUMN mobile_grams text[] NOT NULL DEFAULT '{}';
CREATE INDEX contact_text_grams ON contact USING gin (search_grams) WHERE trashed_at IS NULL;
CREATE INDEX contact_mobile_grams ON contact USING gin (mobile_grams) WHERE trashed_at IS NULL;
-- The other-field matches in ranking order: a common word is found walking this index.
CREATE INDEX contact_by_recency ON contact (org_id, contact_recency(last_contacted_at), id) WHERE trashed_at IS NULL;

-- E-mail prefixes: a byte-order B-tree serves LIKE 'prefix%' directly.
CREATE INDEX contact_email_prefix ON contact_email (org_id, (address COLLATE "C"));
