-- Clients that have logged in successfully as a member (OWASP "device cookies"): the cookie holds a
-- random token, of which only the SHA-256 is kept. A request that presents it is judged by its own
-- failures only, so that strangers guessing the member's password cannot lock the member out.
CREATE TABLE login_device (
    id            uuid PRIMARY KEY,
    org_id        uuid NOT NULL,
    member_id     uuid NOT NULL,
    token_hash    bytea NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id) ON DELETE CASCADE
);
CREATE INDEX login_device_by_member ON login_device (org_id, member_id, last_login_at DESC);

-- The device a failure or success came with; null for a client without a valid device cookie.
ALTER TABLE login_attempt ADD COLUMN device_id uuid;
-- Failures are now counted per organization and login (and client address), no longer per login
-- across organizations.
DROP INDEX login_attempt_by_login;
CREATE INDEX login_attempt_by_org_login ON login_attempt (org_id, lower(login), attempted_at);
CREATE INDEX login_attempt_by_device ON login_attempt (device_id, attempted_at) WHERE device_id IS NOT NULL;
-- The hourly cleanup deletes attempts by age.
CREATE INDEX login_attempt_by_time ON login_attempt (attempted_at);
