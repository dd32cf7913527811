-- Guests: external contacts who log in to the conversations they are invited to (module identity).
-- contact_id and scope_id name a contact and a conversation of other modules; they are not
-- referenced here, so that identity depends on no other module's tables (a contact trashed or erased
-- ends the guest's access through Guests.endAccess, not through a foreign key).
CREATE TABLE guest (
    org_id        uuid NOT NULL REFERENCES organization (id),
    id            uuid NOT NULL,
    contact_id    uuid NOT NULL,
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    -- the e-mail the invitation went to, or a login the guest chose; unique among an organization's
    -- guests with access (a contact invited again after endAccess may take the same login)
    login         text NOT NULL CHECK (length(login) BETWEEN 2 AND 254),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- set once by endAccess and never cleared: a new invitation makes a new guest
    disabled_at   timestamptz,
    PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX guest_login ON guest (org_id, lower(login)) WHERE disabled_at IS NULL;
CREATE INDEX guest_by_contact ON guest (org_id, contact_id);

-- An invitation holds only the SHA-256 of its token; the raw token is shown once, in its URL.
CREATE TABLE guest_invitation (
    org_id      uuid NOT NULL REFERENCES organization (id),
    id          uuid NOT NULL,
    contact_id  uuid NOT NULL,
    scope_id    uuid NOT NULL,
    email       text CHECK (length(email) <= 254),
    token_hash  bytea NOT NULL CHECK (length(token_hash) = 32),
    invited_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    guest_id    uuid,
    revoked_at  timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, invited_by) REFERENCES member (org_id, id),
    FOREIGN KEY (org_id, guest_id) REFERENCES guest (org_id, id),
    CHECK (expires_at > created_at),
    CHECK ((used_at IS NULL) = (guest_id IS NULL))
);
CREATE INDEX guest_invitation_by_contact ON guest_invitation (org_id, contact_id);
-- The link carries only the token: found by its hash alone, unique with the organization (as
-- login_device's), so that the table can be distributed by org_id.
CREATE UNIQUE INDEX guest_invitation_by_hash ON guest_invitation (token_hash, org_id);

-- Guests' failed logins are counted with members', under the key 'guest:<login>' (a member's login
-- cannot hold a colon), from their own page.
ALTER TABLE login_attempt DROP CONSTRAINT login_attempt_channel_check;
ALTER TABLE login_attempt ADD CONSTRAINT login_attempt_channel_check CHECK (channel IN ('FORM', 'BASIC', 'GUEST'));
