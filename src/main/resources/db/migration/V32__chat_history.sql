-- Chat activity per conversation and day (the organization's day), for contacts' timelines, kept by
-- a listener of MessagePosted rather than counted when a timeline is read. Sequence numbers are given
-- in the order messages are posted, so a day's messages are the numbers first_seq to last_seq: the
-- listener widens that range, which counts a message delivered twice once.
CREATE TABLE chat_day (
    org_id           uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    day              date NOT NULL,
    first_seq        bigint NOT NULL CHECK (first_seq > 0),
    last_seq         bigint NOT NULL CHECK (last_seq >= first_seq),
    last_at          timestamptz NOT NULL,
    PRIMARY KEY (org_id, conversation_id, day),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversation (org_id, id)
);

-- The messages a contact's guest posted in a conversation on a day, counted as they are posted.
CREATE TABLE chat_day_contact (
    org_id           uuid NOT NULL,
    contact_id       uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    day              date NOT NULL,
    messages         int NOT NULL CHECK (messages > 0),
    PRIMARY KEY (org_id, contact_id, conversation_id, day),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversation (org_id, id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);

-- Message search: every character and character pair of a message's text, lower case without white
-- space (as contact_word keys a company: one- and two-character Chinese words, which trigrams cannot
-- serve, are keys themselves), each behind its organization's id, so that a word common in another
-- organization costs nothing here. The query's keys are its pairs (itself when one character long); a
-- message holding them all is checked for the whole query. An expression index, so that an edit is
-- indexed again with the row and a recalled message (no text) has no keys.
-- Its cost tells the planner to use the index rather than compute the keys of every row it reads.
CREATE FUNCTION chat_words(org uuid, message text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000
AS $$
    SELECT coalesce(array_agg(DISTINCT org::text || substr(t.flat, i, w)), '{}')
      FROM (SELECT regexp_replace(lower(message), '\s+', '', 'g') AS flat) t,
           generate_series(1, length(t.flat)) i,
           (VALUES (1), (2)) v(w)
     WHERE i + w - 1 <= length(t.flat)
$$;

CREATE FUNCTION chat_query_words(org uuid, query text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN length(t.flat) = 1 THEN ARRAY[org::text || t.flat]
                ELSE (SELECT coalesce(array_agg(DISTINCT org::text || substr(t.flat, i, 2)), '{}')
                        FROM generate_series(1, length(t.flat) - 1) i)
           END
      FROM (SELECT regexp_replace(lower(query), '\s+', '', 'g') AS flat) t
$$;

SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX chat_message_words ON chat_message USING gin (chat_words(org_id, text));
-- Newest first, across an organization's conversations and within one: a common word is found by
-- walking the latest messages, where its keys would list thousands.
CREATE INDEX chat_message_by_time ON chat_message (org_id, created_at DESC, id DESC) WHERE recalled_at IS NULL;
CREATE INDEX chat_message_by_conversation_time
    ON chat_message (org_id, conversation_id, created_at DESC, id DESC) WHERE recalled_at IS NULL;

-- When a message first carried the file; a file never attached is deleted after a day (a setting).
ALTER TABLE chat_file ADD COLUMN attached_at timestamptz;
UPDATE chat_file f SET attached_at = f.created_at
 WHERE EXISTS (SELECT 1 FROM chat_message m WHERE m.org_id = f.org_id AND m.file_ids @> ARRAY[f.id]);
CREATE INDEX chat_file_unattached ON chat_file (created_at) WHERE attached_at IS NULL;
