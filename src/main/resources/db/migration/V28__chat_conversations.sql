-- Group chats: conversations, their participants and messages.
-- kind internal (members only), external (members and external contacts as guests) or direct (two
-- members; direct_key is the pair's member ids in order, one direct conversation per pair). The
-- group settings are columns that the services enforce; the announcement keeps who set it and when.
-- A dissolved conversation keeps its rows and history, readable, and takes no new message.
-- last_seq is the sequence number of its latest message, raised in the transaction of each message.
CREATE TABLE conversation (
    org_id                     uuid NOT NULL REFERENCES organization (id),
    id                         uuid NOT NULL,
    kind                       text NOT NULL CHECK (kind IN ('internal', 'external', 'direct')),
    name                       text CHECK (length(name) BETWEEN 1 AND 100),
    owner_id                   uuid NOT NULL,
    direct_key                 text CHECK (length(direct_key) = 73),
    announcement               text CHECK (length(announcement) BETWEEN 1 AND 2000),
    announcement_by            uuid,
    announcement_at            timestamptz,
    guests_see_participants    boolean NOT NULL DEFAULT true,
    guests_download            boolean NOT NULL DEFAULT true,
    guests_mention_all         boolean NOT NULL DEFAULT false,
    guests_invite              boolean NOT NULL DEFAULT false,
    admins_only_post           boolean NOT NULL DEFAULT false,
    last_seq                   bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    last_message_at            timestamptz,
    created_by                 uuid NOT NULL,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    dissolved_at               timestamptz,
    version                    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES member (org_id, id),
    CHECK ((kind = 'direct') = (direct_key IS NOT NULL)),
    CHECK (kind = 'direct' OR name IS NOT NULL),
    CHECK ((announcement IS NULL) = (announcement_by IS NULL) AND (announcement IS NULL) = (announcement_at IS NULL))
);
CREATE UNIQUE INDEX conversation_direct_pair ON conversation (org_id, direct_key) WHERE direct_key IS NOT NULL;

-- The contacts and tags an external group is linked to: a customer group is found from a contact.
CREATE TABLE conversation_contact (
    org_id           uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    contact_id       uuid NOT NULL,
    PRIMARY KEY (org_id, conversation_id, contact_id),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversation (org_id, id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_contact_by_contact ON conversation_contact (org_id, contact_id);

CREATE TABLE conversation_tag (
    org_id           uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    tag_id           uuid NOT NULL,
    PRIMARY KEY (org_id, conversation_id, tag_id),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversation (org_id, id),
    FOREIGN KEY (org_id, tag_id) REFERENCES tag (org_id, id) ON DELETE CASCADE
);

-- Participants: a member now; guest_id (an external contact's account, added later) is the other
-- kind. A participant who left keeps the row with left_at, so that a later return is the same row.
-- read_seq is the last sequence number they have read: unread is last_seq - read_seq.
CREATE TABLE conversation_participant (
    org_id           uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    id               uuid NOT NULL,
    member_id        uuid,
    guest_id         uuid,
    role             text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    muted            boolean NOT NULL DEFAULT false,
    read_seq         bigint NOT NULL DEFAULT 0 CHECK (read_seq >= 0),
    joined_at        timestamptz NOT NULL DEFAULT now(),
    left_at          timestamptz,
    PRIMARY KEY (org_id, conversation_id, id),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversation (org_id, id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id),
    CHECK ((member_id IS NULL) <> (guest_id IS NULL)),
    CHECK (guest_id IS NULL OR role = 'member')
);
CREATE UNIQUE INDEX conversation_participant_member
    ON conversation_participant (org_id, conversation_id, member_id) WHERE member_id IS NOT NULL;
CREATE UNIQUE INDEX conversation_participant_guest
    ON conversation_participant (org_id, conversation_id, guest_id) WHERE guest_id IS NOT NULL;
CREATE INDEX conversation_participant_by_member
    ON conversation_participant (org_id, member_id, conversation_id) WHERE left_at IS NULL;

-- Messages: seq is unique in its conversation and given in the message's transaction. text is the
-- author's Markdown, html its sanitised rendering; a recalled message keeps its row with neither.
-- mention_ids are the participants' member ids mentioned; file_ids the attached files in order
-- (kept by the files part, no foreign key across the parts).
CREATE TABLE chat_message (
    org_id           uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    id               uuid NOT NULL,
    seq              bigint NOT NULL CHECK (seq > 0),
    author_id        uuid NOT NULL,
    author_kind      text NOT NULL CHECK (author_kind IN ('member', 'guest')),
    text             text CHECK (length(text) <= 10000),
    html             text CHECK (length(html) <= 100000),
    reply_to         uuid,
    mention_ids      uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(mention_ids) <= 100),
    mentions_all     boolean NOT NULL DEFAULT false,
    file_ids         uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(file_ids) <= 10),
    edited_at        timestamptz,
    recalled_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, conversation_id, seq),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversation (org_id, id),
    FOREIGN KEY (org_id, reply_to) REFERENCES chat_message (org_id, id),
    CHECK (recalled_at IS NULL OR (text IS NULL AND html IS NULL AND cardinality(file_ids) = 0)),
    CHECK (recalled_at IS NOT NULL OR text IS NOT NULL)
);
CREATE INDEX chat_message_by_file ON chat_message USING gin (file_ids) WHERE recalled_at IS NULL;
