-- Analytics (issue 24): the median first reply of a period, kept for each set of members a viewer's
-- figures cover. A median does not add up from parts (every answered question of the period is read,
-- sorted: an administrator's month at 10^6 contacts is 92,013 of them, 60 % of PostgreSQL's time on
-- the analytics page), but a period's median only changes when that period's questions do.
--
-- analytics_reply_version counts the changes to each organization day's questions; triggers keep it,
-- whatever writes analytics_reply (the listeners, the rebuild, the demo data). A kept median carries
-- the sum of its period's versions it was computed from, in the same statement, and is used only while
-- that sum is still the period's: a late answer to a question of last week makes last week's median
-- computed again on its next view, not any other period's.
CREATE TABLE analytics_reply_version (
    org_id   uuid   NOT NULL,
    day      date   NOT NULL,
    version  bigint NOT NULL,
    PRIMARY KEY (org_id, day)
);

CREATE FUNCTION analytics_reply_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO analytics_reply_version (org_id, day, version)
        SELECT DISTINCT org_id, day, 1 FROM changed_new
        ON CONFLICT (org_id, day) DO UPDATE SET version = analytics_reply_version.version + 1;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO analytics_reply_version (org_id, day, version)
        SELECT DISTINCT org_id, day, 1 FROM changed_old
        ON CONFLICT (org_id, day) DO UPDATE SET version = analytics_reply_version.version + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_reply_inserted AFTER INSERT ON analytics_reply
    REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_reply_version_bump();
CREATE TRIGGER analytics_reply_updated AFTER UPDATE ON analytics_reply
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_reply_version_bump();
CREATE TRIGGER analytics_reply_deleted AFTER DELETE ON analytics_reply
    REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_reply_version_bump();

-- scope: md5 of the member ids whose questions the viewer's report covers (their data scope and the
-- report's member or department), so that a change of departments reads other rows; unit: day, week
-- or month; minutes: null when no question of the period was answered. Rows are computed again after
-- 30 days (MedianCleanup), so that those of sets no viewer has any more do not stay.
CREATE TABLE analytics_median (
    org_id       uuid         NOT NULL,
    scope        text         NOT NULL CHECK (length(scope) = 32),
    unit         text         NOT NULL CHECK (unit IN ('day', 'week', 'month')),
    period       date         NOT NULL,
    version      bigint       NOT NULL,
    minutes      numeric(12, 1),
    computed_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, scope, unit, period)
);

CREATE INDEX analytics_median_computed ON analytics_median (computed_at);
