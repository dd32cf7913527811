-- Channels: where deliveries go. An organization's channel has no owner; a member's personal
-- robot (their own DingTalk / WeCom / Feishu group robot) has them as owner. address is the robot's
-- or webhook's URL, or an e-mail address; secret is AES-GCM ciphertext (hex), never shown again.
-- A deleted channel keeps its row (deleted_at) so that its delivery log stays readable and queued
-- deliveries to it end skipped with a reason. failures counts the consecutive failed deliveries;
-- failing_since is set once per failing spell, when the channel is reported failing.
CREATE TABLE channel (
    org_id         uuid NOT NULL REFERENCES organization (id),
    id             uuid NOT NULL,
    owner_id       uuid,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind           text NOT NULL CHECK (kind IN ('email', 'dingtalk', 'wecom', 'feishu', 'webhook')),
    address        text NOT NULL CHECK (length(address) BETWEEN 1 AND 2000),
    secret         text CHECK (length(secret) <= 2000),
    enabled        boolean NOT NULL DEFAULT true,
    failures       int NOT NULL DEFAULT 0,
    failing_since  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz,
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES member (org_id, id)
);
CREATE INDEX channel_by_owner ON channel (org_id, owner_id, name) WHERE deleted_at IS NULL;

-- Deliveries: one row per message part and destination (a channel, or an e-mail address through
-- the server's SMTP settings), written in the transaction that decided to send it. Workers claim
-- due queued rows with FOR UPDATE SKIP LOCKED, mark them sending (claimed_by, claimed_at, one more
-- attempt), send after the commit and record the end. A row left sending past its lease by a dead
-- node goes back to the queue. attempted_at is the latest claim, which per-target rate limits count.
-- channel_id has no foreign key: a delivery to a channel id the organization does not have is kept,
-- skipped with its reason and without a kind, rather than refused.
CREATE TABLE delivery (
    org_id           uuid NOT NULL REFERENCES organization (id),
    id               uuid NOT NULL,
    channel_id       uuid,
    email_address    text CHECK (length(email_address) BETWEEN 3 AND 320),
    kind             text CHECK (kind IN ('email', 'dingtalk', 'wecom', 'feishu', 'webhook')),
    origin_module    text NOT NULL CHECK (length(origin_module) BETWEEN 1 AND 40),
    origin_id        uuid,
    urgent           boolean NOT NULL DEFAULT false,
    part             int NOT NULL DEFAULT 1,
    parts            int NOT NULL DEFAULT 1,
    message          jsonb NOT NULL,
    state            text NOT NULL DEFAULT 'queued'
                         CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    attempted_at     timestamptz,
    claimed_at       timestamptz,
    claimed_by       text,
    request          text CHECK (length(request) <= 70000),
    answer           text CHECK (length(answer) <= 4000),
    reason           text CHECK (length(reason) <= 4000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    PRIMARY KEY (org_id, id),
    CHECK ((channel_id IS NULL) <> (email_address IS NULL)),
    CHECK ((state IN ('sent', 'failed', 'skipped')) = (ended_at IS NOT NULL))
);
-- The due queue, urgent first; the rows a dead node left sending; the per-channel log and the
-- per-state filters (newest first, ids are time ordered); the sends a rate limit counts.
CREATE INDEX delivery_due ON delivery (urgent DESC, next_attempt_at) WHERE state = 'queued';
CREATE INDEX delivery_sending ON delivery (claimed_at) WHERE state = 'sending';
CREATE INDEX delivery_by_channel ON delivery (org_id, channel_id, id DESC);
CREATE INDEX delivery_by_state ON delivery (org_id, state, id DESC);
CREATE INDEX delivery_by_origin ON delivery (org_id, origin_module, origin_id);
CREATE INDEX delivery_recent_channel ON delivery (org_id, channel_id, attempted_at) WHERE channel_id IS NOT NULL;
CREATE INDEX delivery_recent_email ON delivery (org_id, email_address, attempted_at) WHERE email_address IS NOT NULL;
