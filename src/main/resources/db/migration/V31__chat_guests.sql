-- Guests in group chats (issue 19, guests part).
-- A guest may invite the group's other linked contacts when the group allows it: such an invitation
-- names the guest who made it (invited_by_guest) instead of a member.
ALTER TABLE guest_invitation ALTER COLUMN invited_by DROP NOT NULL;
ALTER TABLE guest_invitation ADD COLUMN invited_by_guest uuid;
ALTER TABLE guest_invitation ADD FOREIGN KEY (org_id, invited_by_guest) REFERENCES guest (org_id, id);
ALTER TABLE guest_invitation ADD CHECK ((invited_by IS NULL) <> (invited_by_guest IS NULL));
-- A group's open invitations, for its settings and the limit on how many are open at once.
CREATE INDEX guest_invitation_open_by_scope ON guest_invitation (org_id, scope_id)
    WHERE used_at IS NULL AND revoked_at IS NULL;
-- A guest's groups: their list, and whether they are still in any.
CREATE INDEX conversation_participant_by_guest
    ON conversation_participant (org_id, guest_id, conversation_id) WHERE guest_id IS NOT NULL AND left_at IS NULL;
