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

-- Text as searched: lower case without white space.
CREATE FUNCTION search_flat(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(lower(coalesce(t, '')), '\s+', '', 'g');

-- Every character and every pair of adjacent characters, for substring search in company and
-- remark that serves one- and two-character Chinese queries (trigrams cannot).
CREATE FUNCTION search_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT substr(f, i, n)
          FROM (SELECT search_flat(t) AS f) s, generate_series(1, length(f)) i, (VALUES (1), (2)) v (n)
         WHERE i + n - 1 <= length(f));

-- Every run of four digits of a phone number, for fragments of four digits or more.
CREATE FUNCTION search_digit_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT substr(d, i, 4)
          FROM (SELECT regexp_replace(coalesce(t, ''), '\D', '', 'g') AS d) s, generate_series(1, length(d) - 3) i);

CREATE INDEX contact_text_grams ON contact
    USING gin (search_grams(coalesce(company, '') || ' ' || coalesce(remark, '')))
    WHERE trashed_at IS NULL;
CREATE INDEX contact_mobile_grams ON contact USING gin (search_digit_grams(mobile))
    WHERE trashed_at IS NULL AND mobile IS NOT NULL;

-- E-mail prefixes: a byte-order B-tree serves LIKE 'prefix%' directly.
CREATE INDEX contact_email_prefix ON contact_email (org_id, (address COLLATE "C"));
