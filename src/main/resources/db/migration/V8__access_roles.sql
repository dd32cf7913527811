-- Roles: a set of permissions and a data scope. Every organization has the three built-in roles
-- (builtin names which); their permissions are defined by the application, not stored.
CREATE TABLE role (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL REFERENCES organization (id),
    builtin      text CHECK (builtin IN ('ADMIN', 'MANAGER', 'MEMBER')),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    permissions  text[] NOT NULL DEFAULT '{}',
    data_scope   text NOT NULL CHECK (data_scope IN ('SELF', 'DEPT', 'DEPT_TREE', 'ALL', 'CUSTOM')),
    version      bigint NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, id),
    UNIQUE (org_id, builtin)
);
CREATE UNIQUE INDEX role_name ON role (org_id, lower(name));

-- The departments of a CUSTOM data scope.
CREATE TABLE role_scope_department (
    org_id        uuid NOT NULL,
    role_id       uuid NOT NULL,
    department_id uuid NOT NULL,
    PRIMARY KEY (org_id, role_id, department_id),
    FOREIGN KEY (org_id, role_id) REFERENCES role (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, department_id) REFERENCES department (org_id, id)
);
CREATE INDEX role_scope_department_by_department ON role_scope_department (org_id, department_id);

INSERT INTO role (id, org_id, builtin, name, data_scope)
SELECT gen_random_uuid(), o.id, b.key, b.key, b.scope
  FROM organization o
 CROSS JOIN (VALUES ('ADMIN', 'ALL'), ('MANAGER', 'DEPT_TREE'), ('MEMBER', 'SELF')) AS b (key, scope);

ALTER TABLE member ADD COLUMN role_id uuid;
UPDATE member m SET role_id = r.id FROM role r WHERE r.org_id = m.org_id AND r.builtin = m.role;
ALTER TABLE member ALTER COLUMN role_id SET NOT NULL;
ALTER TABLE member ADD FOREIGN KEY (org_id, role_id) REFERENCES role (org_id, id);
ALTER TABLE member DROP COLUMN role;
CREATE INDEX member_by_role ON member (org_id, role_id);

-- Read and write access given to members on top of ownership.
CREATE TABLE contact_collaborator (
    org_id     uuid NOT NULL,
    contact_id uuid NOT NULL,
    member_id  uuid NOT NULL,
    PRIMARY KEY (org_id, contact_id, member_id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
CREATE INDEX contact_collaborator_by_member ON contact_collaborator (org_id, member_id);

-- Mobile numbers, phones and e-mails are shown masked to those who do not follow the contact,
-- unless the organization turns masking off.
ALTER TABLE organization ADD COLUMN mask_contact_details boolean NOT NULL DEFAULT true;

-- Sessions hold the actor as it was before roles existed; everyone logs in again.
DELETE FROM spring_session;
