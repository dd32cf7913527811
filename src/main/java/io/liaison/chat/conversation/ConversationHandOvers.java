package io.liaison.chat.conversation;

import io.liaison.chat.ConversationHandOver;
import io.liaison.chat.ParticipantsChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link ConversationHandOver}: the owner's place moved as the owner's own transfer moves it. */
@Component
class ConversationHandOvers implements ConversationHandOver {

    private final JdbcClient jdbc;
    private final ConversationRepository rows;
    private final ParticipantRepository participants;
    private final ApplicationEventPublisher events;

    ConversationHandOvers(
            JdbcClient jdbc,
            ConversationRepository rows,
            ParticipantRepository participants,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.participants = participants;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public int owned(UUID orgId, UUID memberId) {
        return jdbc.sql("""
                        SELECT count(*) FROM conversation
                         WHERE org_id = ? AND owner_id = ? AND kind <> 'direct' AND dissolved_at IS NULL
                        """).params(orgId, memberId).query(Integer.class).single();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int handOver(
            UUID orgId, UUID actorId, UUID fromId, UUID toId, @Nullable Collection<UUID> contactIds, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_BATCH);
        }
        if (contactIds != null && contactIds.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(orgId, fromId));
        String linked = "";
        if (contactIds != null) {
            linked = " AND EXISTS (SELECT 1 FROM conversation_contact k WHERE k.org_id = c.org_id"
                    + " AND k.conversation_id = c.id AND k.contact_id = ANY (?))";
            params.add(contactIds.toArray(UUID[]::new));
        }
        params.add(limit);
        List<UUID> ids =
                jdbc.sql("""
                        SELECT c.id FROM conversation c
                         WHERE c.org_id = ? AND c.owner_id = ? AND c.kind <> 'direct' AND c.dissolved_at IS NULL""" + linked + """
                         ORDER BY c.id LIMIT ? FOR UPDATE
                        """).params(params).query(UUID.class).list();
        for (UUID id : ids) {
            List<UUID> added = participants.add(orgId, id, List.of(toId), ConversationRow.OWNER);
            participants.change(orgId, id, toId, ConversationRow.OWNER, false);
            participants.change(orgId, id, fromId, ConversationRow.ADMIN, false);
            rows.setOwner(orgId, id, toId);
            rows.touch(orgId, id);
            Map<UUID, String> roles = new HashMap<>();
            roles.put(toId, ConversationRow.OWNER);
            if (participants.member(orgId, id, fromId).isPresent()) {
                roles.put(fromId, ConversationRow.ADMIN);
            }
            events.publishEvent(new ParticipantsChanged(orgId, actorId, id, added, List.of(), roles));
        }
        return ids.size();
    }
}
