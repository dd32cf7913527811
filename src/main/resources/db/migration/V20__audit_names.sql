-- Every audit entry keeps the names of what it mentions (its actor, its target, the ids among its
-- values) as they were when it was written, so that it still reads with names after a rename or a
-- deletion. Entries written before this version take the names of today; what no longer exists
-- stays unnamed and reads as deleted.
ALTER TABLE audit_event ADD COLUMN names jsonb NOT NULL DEFAULT '{}';

WITH mentioned AS MATERIALIZED (
    SELECT e.id, e.org_id, ref
      FROM audit_event e,
           LATERAL (SELECT e.actor_id::text AS ref
                    UNION SELECT e.target_id::text
                    UNION SELECT v #>> '{}' FROM jsonb_path_query(e.before, '$.** ? (@.type() == "string")') AS v
                    UNION SELECT v #>> '{}' FROM jsonb_path_query(e.after, '$.** ? (@.type() == "string")') AS v) refs
     WHERE ref ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
), known AS (
    SELECT org_id, id, display_name AS name FROM member
    UNION ALL SELECT org_id, id, name FROM department
    UNION ALL SELECT org_id, id, name FROM role
    UNION ALL SELECT org_id, id, name FROM api_token
    UNION ALL SELECT id, id, name FROM organization
    UNION ALL SELECT org_id, id, name FROM contact
    UNION ALL SELECT org_id, id, name FROM tag
    UNION ALL SELECT org_id, id, name FROM tag_group
    UNION ALL SELECT org_id, id, label FROM custom_field
), named AS (
    SELECT m.id, jsonb_object_agg(m.ref, k.name) AS names
      FROM mentioned m JOIN known k ON k.org_id = m.org_id AND k.id = m.ref::uuid
     GROUP BY m.id
)
UPDATE audit_event e SET names = named.names FROM named WHERE e.id = named.id;

-- The names each record had in the log, once each, so that the record filter finds a contact or
-- member by any name it had without reading every entry of the organization.
CREATE TABLE audit_name (
    org_id    uuid NOT NULL,
    target_id uuid NOT NULL,
    name      text NOT NULL,
    PRIMARY KEY (org_id, target_id, name)
);

INSERT INTO audit_name (org_id, target_id, name)
SELECT DISTINCT org_id, target_id, names ->> target_id::text FROM audit_event WHERE names ->> target_id::text IS NOT NULL
ON CONFLICT DO NOTHING;
