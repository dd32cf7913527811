-- Channels a module owns (the integration module's outbound webhooks): hidden from the channel
-- pages and API, push and notification choices. During a secret's rotation the previous secret
-- (AES-GCM ciphertext like secret) also signs until previous_until. first_failure_at is the first
-- of the failures in a row (failures), cleared with them by a success.
ALTER TABLE channel
    ADD COLUMN owner_module     text CHECK (length(owner_module) BETWEEN 1 AND 40),
    ADD COLUMN previous_secret  text CHECK (length(previous_secret) <= 2000),
    ADD COLUMN previous_until   timestamptz,
    ADD COLUMN first_failure_at timestamptz,
    ADD CHECK (owner_module IS NULL OR owner_id IS NULL),
    ADD CHECK ((previous_secret IS NULL) = (previous_until IS NULL));

-- Deliveries with an order key: the rows of one organization and key are sent one at a time in
-- queue_seq order (a sequence, so that the rows queued in one transaction keep their order). A row
-- queued behind an active (queued or sending) row of its key is held; when that row ends, the next
-- held row of the key is freed. The claim takes free rows only, and in SQL never a row behind an
-- active row of its key. retry_for replaces liaison.channel.retry-for for the row; message_id is a
-- webhook's webhook-id (the row's id when null); redelivery_of names the row a redelivery sends again.
CREATE SEQUENCE delivery_queue_seq;
ALTER TABLE delivery
    ADD COLUMN order_key     text CHECK (length(order_key) BETWEEN 1 AND 200),
    ADD COLUMN queue_seq     bigint,
    ADD COLUMN held          boolean NOT NULL DEFAULT false,
    ADD COLUMN retry_for     interval,
    ADD COLUMN message_id    text CHECK (length(message_id) BETWEEN 1 AND 200),
    ADD COLUMN redelivery_of uuid,
    ADD CHECK (order_key IS NOT NULL OR NOT held);
ALTER TABLE delivery ALTER COLUMN queue_seq SET DEFAULT nextval('delivery_queue_seq');
ALTER SEQUENCE delivery_queue_seq OWNED BY delivery.queue_seq;

-- The due queue holds free rows only, so that a claim never walks past held ones; the active rows of
-- a key in order (the claim's check and the freeing of the next row); a channel's last success.
DROP INDEX delivery_due;
CREATE INDEX delivery_due ON delivery (urgent DESC, next_attempt_at) WHERE state = 'queued' AND NOT held;
CREATE INDEX delivery_order ON delivery (org_id, order_key, queue_seq)
    WHERE order_key IS NOT NULL AND state IN ('queued', 'sending');
CREATE INDEX delivery_sent_by_channel ON delivery (org_id, channel_id, ended_at DESC)
    WHERE state = 'sent' AND channel_id IS NOT NULL;
