-- Analytics (issue 24): active contacts over a range ending today (the analytics page's presets) read
-- from kept rows. A contact active in the last n days is one whose most recent activity is within
-- them, so counting contacts by the day of their last activity, per owner and per tag, lets the member
-- ranking and the tags chart sum a few hundred rows instead of counting distinct contacts over
-- millions of days.

-- Each stored contact (the trash too, until purged): its owner, the day it was created, its last day
-- with a follow-up or a message (null: none yet) and its tags, as they are now. The previous values
-- say which counts a change moves.
CREATE TABLE analytics_contact_last (
    org_id      uuid NOT NULL,
    contact_id  uuid NOT NULL,
    owner_id    uuid NOT NULL,
    created     date NOT NULL,
    last_active date,
    tag_ids     uuid[] NOT NULL,
    PRIMARY KEY (org_id, contact_id)
);
CREATE INDEX analytics_contact_last_by_owner ON analytics_contact_last (org_id, owner_id, last_active);
CREATE INDEX analytics_contact_last_by_created ON analytics_contact_last (org_id, owner_id, created);
CREATE INDEX analytics_contact_last_by_tag ON analytics_contact_last USING gin (tag_ids);

-- Per tag, owner and day: the contacts with the tag created that day, and those whose last activity
-- was that day. Rows with two zeros are deleted.
CREATE TABLE analytics_tag_day (
    org_id      uuid NOT NULL,
    tag_id      uuid NOT NULL,
    day         date NOT NULL,
    member_id   uuid NOT NULL,
    created     int NOT NULL CHECK (created >= 0),
    last_active int NOT NULL CHECK (last_active >= 0),
    PRIMARY KEY (org_id, tag_id, day, member_id),
    CHECK (created + last_active > 0)
);
CREATE INDEX analytics_tag_day_by_member ON analytics_tag_day (org_id, member_id, day);
