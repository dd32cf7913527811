-- Duplicate contacts (issue 23): the pairs the last detection run found, each with its score and the
-- evidence that made it (codes with values: same mobile, same e-mail, same name at the same company
-- ...). contact_a < contact_b, so a pair has one row; a pair stays open (resolved_at null) while runs
-- keep finding it and is resolved when one no longer does. cluster_key names the connected component
-- of the open pairs (its smallest contact id), so that three or more copies of one person show as one.
CREATE TABLE review_duplicate (
    org_id       uuid NOT NULL REFERENCES organization (id),
    id           uuid NOT NULL,
    contact_a    uuid NOT NULL,
    contact_b    uuid NOT NULL,
    score        smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
    exact        boolean NOT NULL,
    evidence     jsonb NOT NULL CHECK (jsonb_typeof(evidence) = 'array' AND length(evidence::text) <= 4000),
    cluster_key  uuid NOT NULL,
    found_at     timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    PRIMARY KEY (org_id, id),
    CHECK (contact_a < contact_b),
    FOREIGN KEY (org_id, contact_a) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, contact_b) REFERENCES contact (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX review_duplicate_open ON review_duplicate (org_id, contact_a, contact_b) WHERE resolved_at IS NULL;
CREATE INDEX review_duplicate_best ON review_duplicate (org_id, score DESC, id) WHERE resolved_at IS NULL;
CREATE INDEX review_duplicate_by_b ON review_duplicate (org_id, contact_b) WHERE resolved_at IS NULL;

-- "Not a duplicate", said by a member for a pair: remembered for as long as both contacts exist, so
-- that no later run shows the pair again.
CREATE TABLE review_not_duplicate (
    org_id      uuid NOT NULL REFERENCES organization (id),
    contact_a   uuid NOT NULL,
    contact_b   uuid NOT NULL,
    by_member   uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, contact_a, contact_b),
    CHECK (contact_a < contact_b),
    FOREIGN KEY (org_id, contact_a) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, contact_b) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, by_member) REFERENCES member (org_id, id)
);

-- A company as duplicate detection compares it: NFKC folded, lower case, without white space or
-- punctuation, and without the legal-form endings that one record writes and another leaves out
-- (有限公司, 股份有限公司, 集团, Co., Ltd., Inc. ...). Empty when nothing is left.
CREATE FUNCTION review_company_key(company text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(
        regexp_replace(
            regexp_replace(
                lower(normalize(btrim(coalesce(company, '')), NFKC)),
                '([[:space:],.]*\m(co|corp|corporation|company|inc|incorporated|ltd|limited|llc|gmbh|plc)\M)+[[:space:][:punct:]]*$',
                ''),
            '(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)[[:space:][:punct:]]*$',
            ''),
        '[[:space:][:punct:]（）【】，。、·]+',
        '',
        'g');
