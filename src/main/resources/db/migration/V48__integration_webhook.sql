-- Outbound webhooks (issue 22): an organization's endpoints, each sending the change feed's
-- changes of the types it subscribes to. The URL and the encrypted secret live in a hidden channel of
-- kind webhook owned by the integration module (channel_id), which the delivery workers send through;
-- url and enabled are kept here as well so that the list and the dispatch read one table. cursor is
-- the feed position dispatched so far: the dispatch queues a batch's deliveries and moves the cursor
-- in one transaction, so a node dying at any point neither loses nor repeats a queued change.
-- disabled_reason is the stored message of why the endpoint was turned off by the system (its
-- deliveries kept failing); null when it is on or a member turned it off.
CREATE TABLE webhook_endpoint (
    org_id           uuid NOT NULL REFERENCES organization (id),
    id               uuid NOT NULL,
    channel_id       uuid NOT NULL,
    url              text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    event_types      text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 100),
    full_details     boolean NOT NULL DEFAULT false,
    enabled          boolean NOT NULL DEFAULT true,
    cursor           text CHECK (length(cursor) <= 200),
    disabled_reason  text CHECK (length(disabled_reason) <= 1000),
    created_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, channel_id) REFERENCES channel (org_id, id)
);
-- The page and the API list an organization's endpoints newest first.
CREATE INDEX webhook_endpoint_by_org ON webhook_endpoint (org_id, created_at DESC, id DESC);
-- The dispatch round finds the organizations with endpoints that are on.
CREATE INDEX webhook_endpoint_enabled ON webhook_endpoint (org_id) WHERE enabled;
