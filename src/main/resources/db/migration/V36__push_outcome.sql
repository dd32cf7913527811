-- Mass push (issue 20): why a push ended without sending everything (its sender left, say), and the
-- index its deliveries' ends find a recipient by.
ALTER TABLE push ADD COLUMN ended_reason text CHECK (length(ended_reason) <= 200);
-- A delivery's end names its recipient by id (channel's DeliveryOrigin): found by the organization
-- and that id; the index by delivery id is not needed for it.
CREATE INDEX push_recipient_by_id ON push_recipient (org_id, id);
DROP INDEX push_recipient_by_delivery;
