-- A department can be deleted only once it has no members and no sub-departments, so a contact's
-- share with it grants nobody anything any more: the share goes with the department instead of
-- refusing the delete with a foreign key error.
ALTER TABLE contact_share_department
    DROP CONSTRAINT contact_share_department_org_id_department_id_fkey,
    ADD CONSTRAINT contact_share_department_org_id_department_id_fkey
        FOREIGN KEY (org_id, department_id) REFERENCES department (org_id, id) ON DELETE CASCADE;
