-- Analytics (issue 24): the tags chart of a viewer who sees several members' figures but not the whole
-- organization's (a manager's department tree, a department chosen in the report) sums one row per tag
-- and day for all of them instead of one per tag, day and member. Measured at 10^6 contacts: the demo
-- manager's 30 days were 28,000 rows of analytics_tag_day for the 31 members of their tree, 32 ms a page
-- under 8 clients, half of PostgreSQL's time on their analytics page.
--
-- A set is named as a kept median's members are (md5 of their ids in order), so a change of departments
-- names another set rather than changing one: a set's members never change, and its totals are always
-- the sums of its members' rows. A set is built when a viewer first reads it, under the organization's
-- figures lock that every writer of analytics_tag_day holds; from then on triggers move its totals with
-- those rows, whatever writes them. Sets nobody read for 30 days go (MemberSetCleanup).
CREATE TABLE analytics_member_set (
    org_id   uuid        NOT NULL,
    scope    text        NOT NULL CHECK (length(scope) = 32),
    read_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, scope)
);

CREATE TABLE analytics_member_set_member (
    org_id     uuid NOT NULL,
    member_id  uuid NOT NULL,
    scope      text NOT NULL,
    PRIMARY KEY (org_id, member_id, scope),
    FOREIGN KEY (org_id, scope) REFERENCES analytics_member_set ON DELETE CASCADE
);

CREATE INDEX analytics_member_set_member_set ON analytics_member_set_member (org_id, scope);

CREATE TABLE analytics_tag_set_day (
    org_id      uuid NOT NULL,
    scope       text NOT NULL,
    day         date NOT NULL,
    tag_id      uuid NOT NULL,
    created     int  NOT NULL CHECK (created >= 0),
    last_active int  NOT NULL CHECK (last_active >= 0),
    PRIMARY KEY (org_id, scope, day, tag_id) INCLUDE (created, last_active),
    FOREIGN KEY (org_id, scope) REFERENCES analytics_member_set ON DELETE CASCADE
);

-- As analytics_tag_total_move (V69), for each set that holds the rows' members.
CREATE FUNCTION analytics_tag_set_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO analytics_tag_set_day AS t (org_id, scope, day, tag_id, created, last_active)
        SELECT n.org_id, s.scope, n.day, n.tag_id, sum(n.created), sum(n.last_active)
          FROM changed_new n
          JOIN analytics_member_set_member s ON s.org_id = n.org_id AND s.member_id = n.member_id
         GROUP BY n.org_id, s.scope, n.day, n.tag_id
         ORDER BY n.org_id, s.scope, n.day, n.tag_id
        ON CONFLICT (org_id, scope, day, tag_id) DO UPDATE
            SET created = t.created + excluded.created, last_active = t.last_active + excluded.last_active;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE analytics_tag_set_day t
           SET created = t.created - o.created, last_active = t.last_active - o.last_active
          FROM (SELECT x.org_id, s.scope, x.day, x.tag_id, sum(x.created) AS created, sum(x.last_active) AS last_active
                  FROM changed_old x
                  JOIN analytics_member_set_member s ON s.org_id = x.org_id AND s.member_id = x.member_id
                 GROUP BY x.org_id, s.scope, x.day, x.tag_id) o
         WHERE t.org_id = o.org_id AND t.scope = o.scope AND t.day = o.day AND t.tag_id = o.tag_id;
        DELETE FROM analytics_tag_set_day t
         USING (SELECT DISTINCT x.org_id, s.scope, x.day, x.tag_id
                  FROM changed_old x
                  JOIN analytics_member_set_member s ON s.org_id = x.org_id AND s.member_id = x.member_id) o
         WHERE t.org_id = o.org_id AND t.scope = o.scope AND t.day = o.day AND t.tag_id = o.tag_id
           AND t.created = 0 AND t.last_active = 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_tag_day_inserted_sets AFTER INSERT ON analytics_tag_day
    REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_tag_set_move();
CREATE TRIGGER analytics_tag_day_updated_sets AFTER UPDATE ON analytics_tag_day
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_tag_set_move();
CREATE TRIGGER analytics_tag_day_deleted_sets AFTER DELETE ON analytics_tag_day
    REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_tag_set_move();
