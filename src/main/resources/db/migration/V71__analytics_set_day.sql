-- Analytics (issue 24): the trends of a viewer who sees several members' figures sum one row per metric
-- and day for a set of members (V70) instead of one per metric, day and member. Measured at 10^6
-- contacts: the demo manager's page read seven statements of 31 members' rows, 1.9 ms each under 8
-- clients, the most of PostgreSQL's time on their analytics page once the tags came from their set.
--
-- Built with the set (MemberSets), then kept by triggers on analytics_member_day as analytics_tag_set_day
-- is on analytics_tag_day: its writers hold the organization's figures lock too.
CREATE TABLE analytics_set_day (
    org_id  uuid   NOT NULL,
    scope   text   NOT NULL,
    metric  text   NOT NULL,
    day     date   NOT NULL,
    value   bigint NOT NULL CHECK (value >= 0),
    PRIMARY KEY (org_id, scope, metric, day) INCLUDE (value),
    FOREIGN KEY (org_id, scope) REFERENCES analytics_member_set ON DELETE CASCADE
);

CREATE FUNCTION analytics_set_day_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO analytics_set_day AS t (org_id, scope, metric, day, value)
        SELECT n.org_id, s.scope, n.metric, n.day, sum(n.value)
          FROM changed_new n
          JOIN analytics_member_set_member s ON s.org_id = n.org_id AND s.member_id = n.member_id
         GROUP BY n.org_id, s.scope, n.metric, n.day
         ORDER BY n.org_id, s.scope, n.metric, n.day
        ON CONFLICT (org_id, scope, metric, day) DO UPDATE SET value = t.value + excluded.value;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE analytics_set_day t
           SET value = t.value - o.value
          FROM (SELECT x.org_id, s.scope, x.metric, x.day, sum(x.value) AS value
                  FROM changed_old x
                  JOIN analytics_member_set_member s ON s.org_id = x.org_id AND s.member_id = x.member_id
                 GROUP BY x.org_id, s.scope, x.metric, x.day) o
         WHERE t.org_id = o.org_id AND t.scope = o.scope AND t.metric = o.metric AND t.day = o.day;
        DELETE FROM analytics_set_day t
         USING (SELECT DISTINCT x.org_id, s.scope, x.metric, x.day
                  FROM changed_old x
                  JOIN analytics_member_set_member s ON s.org_id = x.org_id AND s.member_id = x.member_id) o
         WHERE t.org_id = o.org_id AND t.scope = o.scope AND t.metric = o.metric AND t.day = o.day
           AND t.value = 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_member_day_inserted_sets AFTER INSERT ON analytics_member_day
    REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_set_day_move();
CREATE TRIGGER analytics_member_day_updated_sets AFTER UPDATE ON analytics_member_day
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_set_day_move();
CREATE TRIGGER analytics_member_day_deleted_sets AFTER DELETE ON analytics_member_day
    REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_set_day_move();

-- the sets kept so far get their sums too
INSERT INTO analytics_set_day (org_id, scope, metric, day, value)
SELECT x.org_id, s.scope, x.metric, x.day, sum(x.value)
  FROM analytics_member_day x
  JOIN analytics_member_set_member s ON s.org_id = x.org_id AND s.member_id = x.member_id
 GROUP BY x.org_id, s.scope, x.metric, x.day;
