-- Every key carries the organization, so that Citus can distribute every tenant table by org_id as it
-- is (docs/SCALING.md): a shard can only check keys that hold its distribution column. Enforced by
-- DistributionKeyIntegrationTests.

-- Makes (org_id, id) the primary key of table t in place of (id), and drops a unique (org_id, id)
-- that stood beside it. The foreign keys that referenced that unique constraint are dropped and added
-- again, same names and definitions, on the new key (an index builds once from a sort of the table;
-- each foreign key is checked again in one join).
CREATE FUNCTION pg_temp.key_by_organization(t regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    additions text[] := '{}';
    fk record;
    addition text;
BEGIN
    EXECUTE format('CREATE UNIQUE INDEX %I ON %s (org_id, id)', t::text || '_org_key', t);
    FOR fk IN SELECT conrelid::regclass AS child, conname, pg_get_constraintdef(oid) AS definition
                FROM pg_constraint WHERE contype = 'f' AND confrelid = t LOOP
        additions := additions || format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.child, fk.conname, fk.definition);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.child, fk.conname);
    END LOOP;
    FOR fk IN SELECT conname FROM pg_constraint k
               WHERE k.conrelid = t
                 AND (k.contype = 'p'
                      OR (k.contype = 'u' AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
                                                WHERE a.attrelid = t AND a.attnum = ANY (k.conkey)) = ARRAY['id', 'org_id'])) LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', t, fk.conname);
    END LOOP;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I PRIMARY KEY USING INDEX %I', t, t::text || '_pkey', t::text || '_org_key');
    FOREACH addition IN ARRAY additions LOOP
        EXECUTE addition;
    END LOOP;
END $$;

SELECT pg_temp.key_by_organization(t)
  FROM unnest(ARRAY['department', 'role', 'member', 'api_token', 'login_device', 'tag_group', 'tag', 'custom_field',
                    'contact', 'follow_up', 'contact_timeline', 'contact_search_pending', 'audit_event',
                    'import_job', 'import_upload', 'export_job']::regclass[]) AS t;

-- Rows that code outside a request finds by id alone (the signed-in member from a session, a job
-- from its scheduled task, a device from its cookie's row, a batch of pending search keys): an index
-- on id keeps those lookups as quick as before. Under Citus they go to every shard (see SCALING.md).
CREATE INDEX member_by_id ON member (id);
CREATE INDEX login_device_by_id ON login_device (id);
CREATE INDEX import_job_by_id ON import_job (id);
CREATE INDEX export_job_by_id ON export_job (id);
CREATE INDEX contact_search_pending_by_id ON contact_search_pending (id);

-- A token or device cookie is found by its hash, then known to be unique with its organization.
CREATE UNIQUE INDEX api_token_by_hash ON api_token (token_hash, org_id);
ALTER TABLE api_token DROP CONSTRAINT api_token_token_hash_key;
CREATE UNIQUE INDEX login_device_by_hash ON login_device (token_hash, org_id);
ALTER TABLE login_device DROP CONSTRAINT login_device_token_hash_key;

-- The search keys' unique index becomes their primary key (the rows' identity, which moving a shard
-- by logical replication needs); its columns are already not null, so nothing is rebuilt.
ALTER TABLE contact_search ADD CONSTRAINT contact_search_lookup PRIMARY KEY USING INDEX contact_search_lookup;
