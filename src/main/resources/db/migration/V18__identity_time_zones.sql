-- The organization's time zone, in which every page, input and export shows its times, and a
-- member's own zone that overrides it. Existing organizations get the zone a new one of their
-- language gets: Asia/Shanghai for Chinese, UTC otherwise.
ALTER TABLE organization ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai'
    CHECK (length(time_zone) BETWEEN 1 AND 64);
UPDATE organization SET time_zone = 'UTC' WHERE locale <> 'zh-CN';

ALTER TABLE member ADD COLUMN time_zone text CHECK (length(time_zone) BETWEEN 1 AND 64);
