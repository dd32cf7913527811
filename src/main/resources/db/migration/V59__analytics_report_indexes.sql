-- Analytics reports (issue 24, part reports): the reads that count distinct contacts or groups over a
-- range for a viewer who sees the whole organization (an administrator) go by day first; the indexes
-- by owner serve those whose data scope names members.

-- Active and new contacts over a week or a month, by tag and by source: the organization's rows of
-- the range, read from the index alone.
CREATE INDEX analytics_contact_day_by_day ON analytics_contact_day (org_id, day)
    INCLUDE (owner_id, contact_id, created, follow_ups, messages_in, messages_out);

-- Active external groups over a week or a month: the conversations with messages in the range.
CREATE INDEX chat_day_by_day ON chat_day (org_id, day) INCLUDE (conversation_id);
