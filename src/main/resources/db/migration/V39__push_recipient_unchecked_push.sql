-- Mass push (issue 20): a push's recipients are written by one INSERT ... SELECT of up to millions of
-- rows, and the foreign key to push was checked row by row, each a lookup in push's primary key: 14.7
-- of the 38.9 s the statement took at 10^6 recipients (PushBenchmark's plan). Only the push's sender
-- writes its recipients, holding the push's row locked, and pushes are never deleted, so the key
-- guarded nothing the code does not; it goes.
ALTER TABLE push_recipient DROP CONSTRAINT push_recipient_org_id_push_id_fkey;
