package io.liaison.chat.live;

import io.liaison.chat.ConversationCreated;
import io.liaison.chat.MessageEdited;
import io.liaison.chat.MessagePosted;
import io.liaison.chat.MessageRecalled;
import io.liaison.chat.ParticipantsChanged;
import io.liaison.chat.conversation.ConversationChanged;
import io.liaison.chat.conversation.GuestAccessEnded;
import io.liaison.chat.conversation.ReadMoved;
import io.liaison.identity.MemberDeactivated;
import io.liaison.shared.bus.Signals;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The chat's changes as signals to every node, on the topic {@value #TOPIC}: each listener runs in
 * the transaction of the change, so its signal leaves when that commits and never when it rolls
 * back. A signal names what changed by ids and numbers only ({@code kind:org:conversation:...}); each
 * node reads the rest from the database ({@link Fanout}).
 */
@Component
class LiveSignals {

    static final String TOPIC = "chat_live";

    private final Signals signals;
    private final Fanout fanout;

    LiveSignals(Signals signals, Fanout fanout) {
        this.signals = signals;
        this.fanout = fanout;
        signals.listen(TOPIC, this::received);
    }

    @EventListener
    void on(MessagePosted event) {
        send("message", event.orgId(), event.conversationId(), event.seq());
    }

    @EventListener
    void on(MessageEdited event) {
        send("edited", event.orgId(), event.conversationId(), event.seq());
    }

    @EventListener
    void on(MessageRecalled event) {
        send("recalled", event.orgId(), event.conversationId(), event.seq());
    }

    @EventListener
    void on(ReadMoved event) {
        send("read", event.orgId(), event.conversationId(), event.seq(), event.participantId());
    }

    @EventListener
    void on(ParticipantsChanged event) {
        send("participants", event.orgId(), event.conversationId());
    }

    @EventListener
    void on(ConversationCreated event) {
        send("participants", event.orgId(), event.conversationId());
    }

    @EventListener
    void on(ConversationChanged event) {
        send("conversation", event.orgId(), event.conversationId());
    }

    @EventListener
    void on(GuestAccessEnded event) {
        send("guest", event.orgId(), event.contactId());
    }

    @EventListener
    void on(MemberDeactivated event) {
        send("member", event.orgId(), event.memberId());
    }

    /** Someone typing, to every node; the name goes last, since it may hold a colon. */
    void typing(UUID orgId, UUID conversationId, UUID participantId, String fromSocket, String name) {
        send("typing", orgId, conversationId, participantId, fromSocket, name);
    }

    private void send(Object... parts) {
        StringBuilder payload = new StringBuilder();
        for (Object part : parts) {
            if (!payload.isEmpty()) {
                payload.append(':');
            }
            payload.append(part);
        }
        signals.send(TOPIC, payload.toString());
    }

    private void received(String payload) {
        String[] parts = payload.split(":", 6);
        UUID orgId = UUID.fromString(parts[1]);
        UUID id = UUID.fromString(parts[2]);
        switch (parts[0]) {
            case "message", "edited", "recalled" -> fanout.message(orgId, id, Long.parseLong(parts[3]), parts[0]);
            case "read" -> fanout.read(orgId, id, Long.parseLong(parts[3]), UUID.fromString(parts[4]));
            case "typing" -> fanout.typing(orgId, id, UUID.fromString(parts[3]), parts[4], parts[5]);
            case "participants" -> fanout.participants(orgId, id);
            case "conversation" -> fanout.conversation(id);
            case "guest" -> fanout.guestAccessEnded(orgId, id);
            case "member" -> fanout.memberDeactivated(orgId, id);
            default -> throw new IllegalArgumentException("An unknown chat signal: " + payload);
        }
    }
}
