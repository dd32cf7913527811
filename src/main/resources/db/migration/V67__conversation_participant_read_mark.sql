-- Chats (issue 24): every page's navigation badge and the workbench count a member's unread messages
-- over their participations; the member's index now carries the read mark, so the participations
-- come from the index alone instead of one heap page each (the demo's busiest manager at 10^6
-- contacts: 3,972 participations, 4,014 heap pages, 16 ms a count, three counts a workbench page).
-- Moving a read mark now updates this index as well.
DROP INDEX conversation_participant_by_member;

CREATE INDEX conversation_participant_by_member ON conversation_participant (org_id, member_id, conversation_id)
    INCLUDE (read_seq) WHERE left_at IS NULL;
