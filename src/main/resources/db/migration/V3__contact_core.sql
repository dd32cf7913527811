-- External contacts, their tags, custom fields, follow-ups and timeline.

-- Phone numbers written without a country code belong to this region (libphonenumber's codes).
ALTER TABLE organization ADD COLUMN phone_region text NOT NULL DEFAULT 'CN' CHECK (phone_region ~ '^[A-Z]{2}$');

CREATE TABLE contact (
    id                uuid PRIMARY KEY,
    org_id            uuid NOT NULL REFERENCES organization (id),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    mobile            text,
    phones            jsonb NOT NULL DEFAULT '[]',
    company           text,
    title             text,
    address           text,
    remark            text,
    gender            text CHECK (gender IN ('male', 'female', 'unknown')),
    birthday          date,
    avatar_url        text,
    owner_id          uuid NOT NULL,
    custom_fields     jsonb NOT NULL DEFAULT '{}',
    source            text NOT NULL DEFAULT 'manual'
                          CHECK (source IN ('manual', 'import', 'api', 'form', 'sync')),
    created_by        uuid NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    last_contacted_at timestamptz,
    version           bigint NOT NULL DEFAULT 1,
    trashed_at        timestamptz,
    trashed_by        uuid,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES member (org_id, id)
);
CREATE INDEX contact_by_owner ON contact (org_id, owner_id) WHERE trashed_at IS NULL;
CREATE INDEX contact_by_updated ON contact (org_id, updated_at DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX contact_mobile ON contact (org_id, mobile) WHERE trashed_at IS NULL AND mobile IS NOT NULL;
CREATE INDEX contact_trash ON contact (org_id, trashed_at DESC, id DESC) WHERE trashed_at IS NOT NULL;

-- E-mail addresses, one row each, so that the duplicate guard finds them by index.
CREATE TABLE contact_email (
    org_id     uuid NOT NULL,
    contact_id uuid NOT NULL,
    position   int NOT NULL,
    label      text,
    address    text NOT NULL,
    PRIMARY KEY (org_id, contact_id, position),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_email_address ON contact_email (org_id, address);

-- An integration's own id for a contact, unique per source in the organization.
CREATE TABLE contact_external_id (
    org_id      uuid NOT NULL,
    contact_id  uuid NOT NULL,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9_-]{0,29}$'),
    external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    PRIMARY KEY (org_id, contact_id, source),
    UNIQUE (org_id, source, external_id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);

-- Read access given to members and departments on top of ownership.
CREATE TABLE contact_share_member (
    org_id     uuid NOT NULL,
    contact_id uuid NOT NULL,
    member_id  uuid NOT NULL,
    PRIMARY KEY (org_id, contact_id, member_id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
CREATE INDEX contact_share_member_by_member ON contact_share_member (org_id, member_id);

CREATE TABLE contact_share_department (
    org_id        uuid NOT NULL,
    contact_id    uuid NOT NULL,
    department_id uuid NOT NULL,
    PRIMARY KEY (org_id, contact_id, department_id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, department_id) REFERENCES department (org_id, id)
);
CREATE INDEX contact_share_department_by_department ON contact_share_department (org_id, department_id);

CREATE TABLE tag_group (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES organization (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    color       text NOT NULL CHECK (color ~ '^#[0-9A-Fa-f]{6}$'),
    sort_order  int NOT NULL DEFAULT 0,
    exclusive   boolean NOT NULL DEFAULT false,
    version     bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, id)
);
CREATE UNIQUE INDEX tag_group_name ON tag_group (org_id, lower(name));

CREATE TABLE tag (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    group_id    uuid NOT NULL,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    sort_order  int NOT NULL DEFAULT 0,
    version     bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, group_id) REFERENCES tag_group (org_id, id)
);
CREATE UNIQUE INDEX tag_name_in_group ON tag (org_id, group_id, lower(name));

CREATE TABLE contact_tag (
    org_id     uuid NOT NULL,
    contact_id uuid NOT NULL,
    tag_id     uuid NOT NULL,
    PRIMARY KEY (org_id, contact_id, tag_id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, tag_id) REFERENCES tag (org_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_tag_by_tag ON contact_tag (org_id, tag_id, contact_id);

CREATE TABLE custom_field (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES organization (id),
    key         text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
    type        text NOT NULL CHECK (type IN ('text', 'number', 'date', 'select', 'multiselect')),
    options     jsonb NOT NULL DEFAULT '[]',
    required    boolean NOT NULL DEFAULT false,
    sort_order  int NOT NULL DEFAULT 0,
    version     bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, key)
);

CREATE TABLE follow_up (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    contact_id   uuid NOT NULL,
    type         text NOT NULL CHECK (type IN ('note', 'call', 'visit', 'meeting', 'message', 'email')),
    content      text NOT NULL CHECK (length(content) BETWEEN 1 AND 10000),
    occurred_at  timestamptz NOT NULL,
    author_id    uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint NOT NULL DEFAULT 1,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, author_id) REFERENCES member (org_id, id)
);
CREATE INDEX follow_up_by_contact ON follow_up (org_id, contact_id, occurred_at DESC);

-- What happened to a contact, newest first: changes with before and after, tags, owner, trash.
CREATE TABLE contact_timeline (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    contact_id  uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid,
    kind        text NOT NULL,
    data        jsonb NOT NULL DEFAULT '{}',
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_timeline_by_contact ON contact_timeline (org_id, contact_id, id DESC);

-- A POST repeated with the same Idempotency-Key within 24 h answers the first response.
CREATE TABLE idempotent_request (
    org_id        uuid NOT NULL,
    member_id     uuid NOT NULL,
    key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  text NOT NULL,
    status        int NOT NULL,
    response      text NOT NULL,
    location      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, member_id, key)
);
CREATE INDEX idempotent_request_expiry ON idempotent_request (created_at);
