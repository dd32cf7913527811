-- Organizations are the tenants; every other table carries org_id.
CREATE TABLE organization (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL GENERATED ALWAYS AS (id) STORED,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    locale      text NOT NULL DEFAULT 'zh-CN',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE department (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES organization (id),
    parent_id   uuid,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    sort_order  int NOT NULL DEFAULT 0,
    version     bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, parent_id) REFERENCES department (org_id, id)
);
CREATE UNIQUE INDEX department_sibling_name ON department (org_id, coalesce(parent_id, org_id), lower(name));

CREATE TABLE member (
    id             uuid PRIMARY KEY,
    org_id         uuid NOT NULL REFERENCES organization (id),
    login          text NOT NULL,
    display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    mobile         text,
    email          text,
    role           text NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'MEMBER')),
    password_hash  text NOT NULL,
    system_admin   boolean NOT NULL DEFAULT false,
    active         boolean NOT NULL DEFAULT true,
    locale         text,
    version        bigint NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deactivated_at timestamptz,
    UNIQUE (org_id, id)
);
CREATE UNIQUE INDEX member_login ON member (org_id, lower(login));
CREATE INDEX member_login_any_org ON member (lower(login));

CREATE TABLE member_department (
    org_id        uuid NOT NULL,
    member_id     uuid NOT NULL,
    department_id uuid NOT NULL,
    PRIMARY KEY (org_id, member_id, department_id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, department_id) REFERENCES department (org_id, id)
);
CREATE INDEX member_department_by_department ON member_department (org_id, department_id);

CREATE TABLE api_token (
    id            uuid PRIMARY KEY,
    org_id        uuid NOT NULL,
    member_id     uuid NOT NULL,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash    text NOT NULL UNIQUE,
    hint          text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
CREATE INDEX api_token_by_member ON api_token (org_id, member_id, created_at DESC);

-- Every login attempt, kept for the rate limit and for the record; refused ones while throttled
-- are recorded too but do not prolong the wait. org_id is null when the login
-- named no member of any organization.
CREATE TABLE login_attempt (
    id              uuid PRIMARY KEY,
    org_id          uuid REFERENCES organization (id),
    login           text NOT NULL,
    client_address  text NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('FORM', 'BASIC')),
    succeeded       boolean NOT NULL,
    throttled       boolean NOT NULL DEFAULT false,
    attempted_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_by_login ON login_attempt (lower(login), attempted_at);
CREATE INDEX login_attempt_by_address ON login_attempt (client_address, attempted_at);
