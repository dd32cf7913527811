-- Analytics (issue 24): the tags chart of a viewer who sees the whole organization's figures sums one row
-- per tag and day instead of one per tag, day and member. Measured at 10^6 contacts: an administrator's
-- 30 days were 47,790 rows of analytics_tag_day (26 ms a page under 8 clients, the analytics page's
-- costliest statement), and are 1,116 of these.
--
-- Triggers keep the totals from analytics_tag_day, whatever writes it (the listeners, the rebuild, the
-- demo data, tests). Its writers hold the organization's figures lock, so two never move the same total
-- at once; a total that would fall below zero fails the write that tried (the CHECKs), not silently.
CREATE TABLE analytics_tag_total (
    org_id      uuid NOT NULL,
    day         date NOT NULL,
    tag_id      uuid NOT NULL,
    created     int  NOT NULL CHECK (created >= 0),
    last_active int  NOT NULL CHECK (last_active >= 0),
    PRIMARY KEY (org_id, day, tag_id) INCLUDE (created, last_active)
);

-- Adds what rows came in, then takes out what rows went (so an update never passes below zero) and drops
-- the totals left at nothing.
CREATE FUNCTION analytics_tag_total_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO analytics_tag_total AS t (org_id, day, tag_id, created, last_active)
        SELECT org_id, day, tag_id, sum(created), sum(last_active) FROM changed_new
         GROUP BY org_id, day, tag_id
         ORDER BY org_id, day, tag_id
        ON CONFLICT (org_id, day, tag_id) DO UPDATE
            SET created = t.created + excluded.created, last_active = t.last_active + excluded.last_active;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE analytics_tag_total t
           SET created = t.created - o.created, last_active = t.last_active - o.last_active
          FROM (SELECT org_id, day, tag_id, sum(created) AS created, sum(last_active) AS last_active
                  FROM changed_old GROUP BY org_id, day, tag_id) o
         WHERE t.org_id = o.org_id AND t.day = o.day AND t.tag_id = o.tag_id;
        DELETE FROM analytics_tag_total t
         USING (SELECT DISTINCT org_id, day, tag_id FROM changed_old) o
         WHERE t.org_id = o.org_id AND t.day = o.day AND t.tag_id = o.tag_id
           AND t.created = 0 AND t.last_active = 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_tag_day_inserted AFTER INSERT ON analytics_tag_day
    REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_tag_total_move();
CREATE TRIGGER analytics_tag_day_updated AFTER UPDATE ON analytics_tag_day
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_tag_total_move();
CREATE TRIGGER analytics_tag_day_deleted AFTER DELETE ON analytics_tag_day
    REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_tag_total_move();

INSERT INTO analytics_tag_total (org_id, day, tag_id, created, last_active)
SELECT org_id, day, tag_id, sum(created), sum(last_active) FROM analytics_tag_day GROUP BY org_id, day, tag_id;
