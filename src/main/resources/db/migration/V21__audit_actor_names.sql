-- The audit log's "who" filter finds a member by any name they acted under, as the record filter
-- finds a record: the names of the actors join the names each record had.
INSERT INTO audit_name (org_id, target_id, name)
SELECT DISTINCT org_id, actor_id, names ->> actor_id::text FROM audit_event
 WHERE actor_id IS NOT NULL AND names ->> actor_id::text IS NOT NULL
ON CONFLICT DO NOTHING;
