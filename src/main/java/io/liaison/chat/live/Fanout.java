package io.liaison.chat.live;

import io.liaison.chat.live.LiveSocket.Following;
import io.liaison.chat.message.MessageFeed;
import io.liaison.chat.message.MessageRow;
import io.liaison.identity.Guest;
import io.liaison.identity.Guests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Sends what a signal names to this node's sockets of its conversation: each message is read once
 * per signal, and per socket and conversation numbers go out in order and never twice (a number past
 * a gap first sends the gap, read from the database). Participants' changes are checked against the
 * database: a socket whose caller left stops at once, one whose caller came in starts following.
 */
@Component
class Fanout {

    private final Sockets sockets;
    private final LiveRepository conversations;
    private final MessageFeed feed;
    private final Frames frames;
    private final LiveSettings settings;
    private final Guests guests;

    Fanout(
            Sockets sockets,
            LiveRepository conversations,
            MessageFeed feed,
            Frames frames,
            LiveSettings settings,
            Guests guests) {
        this.sockets = sockets;
        this.guests = guests;
        this.conversations = conversations;
        this.feed = feed;
        this.frames = frames;
        this.settings = settings;
    }

    /** The messages of one conversation read for one signal, and their frames, each made once. */
    private final class Batch {
        final UUID orgId;
        final UUID conversationId;
        final Map<Long, MessageRow> rows = new HashMap<>();
        final Map<Long, String> messageFrames = new HashMap<>();

        Batch(UUID orgId, UUID conversationId) {
            this.orgId = orgId;
            this.conversationId = conversationId;
        }

        /** The message numbered {@code seq}, reading every one missing after {@code from} up to it. */
        MessageRow row(long from, long seq) {
            if (!rows.containsKey(seq)) {
                for (MessageRow row : feed.after(orgId, conversationId, from, (int) (seq - from))) {
                    rows.putIfAbsent(row.seq(), row);
                }
            }
            return rows.get(seq);
        }

        String frame(MessageRow row) {
            return messageFrames.computeIfAbsent(row.seq(), s -> frames.message(orgId, "message", row));
        }
    }

    /** A message was posted ({@code message}), edited or recalled: every follower gets it once, in order. */
    void message(UUID orgId, UUID conversationId, long seq, String type) {
        List<LiveSocket> followers = sockets.following(conversationId);
        if (followers.isEmpty()) {
            return;
        }
        Batch batch = new Batch(orgId, conversationId);
        String changed = null;
        for (LiveSocket socket : followers) {
            synchronized (socket.lock) {
                Following following = socket.following(conversationId);
                if (following == null) {
                    continue;
                }
                if (seq > following.sent) {
                    catchUp(socket, following, batch, seq);
                } else if (!type.equals("message")) {
                    if (changed == null) {
                        MessageRow row = batch.row(seq - 1, seq);
                        if (row == null) {
                            return;
                        }
                        changed = frames.message(orgId, type, row);
                    }
                    socket.send(changed);
                }
            }
        }
    }

    /**
     * Sends the socket every message after what it was sent up to {@code seq}; a gap wider than a
     * resume replays closes it instead (the client resumes, and reloads what it missed).
     */
    private void catchUp(LiveSocket socket, Following following, Batch batch, long seq) {
        if (seq - following.sent > settings.resumeMessages()) {
            socket.close(CloseStatus.SESSION_NOT_RELIABLE);
            return;
        }
        long from = following.sent;
        for (long next = from + 1; next <= seq; next++) {
            MessageRow row = batch.row(from, next);
            if (row == null) {
                return;
            }
            socket.send(batch.frame(row));
            following.sent = next;
            following.messaged = true;
        }
    }

    /** A participant's read mark moved; guests who may not see the others get only their own. */
    void read(UUID orgId, UUID conversationId, long seq, UUID participantId) {
        toFollowers(orgId, conversationId, participantId, null, frames.read(conversationId, seq, participantId));
    }

    /** Someone is typing; everyone following but the socket it came from hears it (guests as for reads). */
    void typing(UUID orgId, UUID conversationId, UUID participantId, String fromSocket, String name) {
        toFollowers(
                orgId, conversationId, participantId, fromSocket, frames.typing(conversationId, participantId, name));
    }

    private void toFollowers(UUID orgId, UUID conversationId, UUID participantId, String skip, String frame) {
        Boolean guestsSee = null;
        for (LiveSocket socket : sockets.following(conversationId)) {
            if (socket.id.equals(skip)) {
                continue;
            }
            if (socket.who.guest() && !socket.who.id().equals(participantId)) {
                if (guestsSee == null) {
                    guestsSee = conversations.guestsSeeParticipants(orgId, conversationId);
                }
                if (!guestsSee) {
                    continue;
                }
            }
            synchronized (socket.lock) {
                if (socket.follows(conversationId)) {
                    socket.send(frame);
                }
            }
        }
    }

    /** The conversation itself changed: its followers read it again. */
    void conversation(UUID conversationId) {
        String frame = frames.conversation("conversation", conversationId);
        for (LiveSocket socket : sockets.following(conversationId)) {
            synchronized (socket.lock) {
                if (socket.follows(conversationId)) {
                    socket.send(frame);
                }
            }
        }
    }

    /**
     * Who is in the conversation changed (or it was created): sockets of callers no longer in it get
     * {@code removed} and nothing more of it (a guest whose access ended with it loses the socket);
     * those still in read it again; sockets here of callers who came in start following it from its
     * last message.
     */
    void participants(UUID orgId, UUID conversationId) {
        Set<Who> now = conversations.participants(orgId, conversationId);
        String changed = frames.conversation("conversation", conversationId);
        String removed = frames.conversation("removed", conversationId);
        Set<Who> removedGuests = new HashSet<>();
        for (LiveSocket socket : sockets.following(conversationId)) {
            synchronized (socket.lock) {
                if (!socket.follows(conversationId)) {
                    continue;
                }
                if (now.contains(socket.who)) {
                    socket.send(changed);
                } else {
                    sockets.unfollow(socket, conversationId);
                    socket.send(removed);
                    if (socket.who.guest()) {
                        removedGuests.add(socket.who);
                    }
                }
            }
        }
        // a guest removed from their last group loses their access in the same change: close their sockets
        for (Who guest : removedGuests) {
            if (guests.find(orgId, guest.id()).isEmpty()) {
                sockets.of(guest).forEach(socket -> socket.close(CloseStatus.POLICY_VIOLATION));
            }
        }
        Long lastSeq = null;
        for (Who who : now) {
            for (LiveSocket socket : sockets.of(who)) {
                if (socket.follows(conversationId) || socket.followingCount() >= settings.maxConversations()) {
                    continue;
                }
                if (lastSeq == null) {
                    lastSeq = conversations.lastSeq(orgId, conversationId).orElse(0L);
                }
                synchronized (socket.lock) {
                    sockets.follow(socket, conversationId, lastSeq);
                    socket.send(changed);
                }
            }
        }
    }

    /** A contact's guest access ended: their sockets here close at once (they cannot come back). */
    void guestAccessEnded(UUID orgId, UUID contactId) {
        for (LiveSocket socket : sockets.all()) {
            if (socket.user.caller() instanceof Guest guest
                    && guest.orgId().equals(orgId)
                    && guest.contactId().equals(contactId)) {
                socket.close(CloseStatus.POLICY_VIOLATION);
            }
        }
    }

    /** A deactivated member's sockets on this node close at once (their sessions are gone too). */
    void memberDeactivated(UUID orgId, UUID memberId) {
        for (LiveSocket socket : List.copyOf(sockets.of(new Who(orgId, memberId, false)))) {
            socket.close(CloseStatus.POLICY_VIOLATION);
        }
    }

    /**
     * After a (re)connect, every message of the followed conversations after the number the client
     * holds, in order, at most {@link LiveSettings#resumeMessages()} each; the conversations that
     * missed more (or that were already sent past the client's number) are answered to reload.
     */
    void resume(LiveSocket socket, Map<UUID, Long> since) {
        List<UUID> reload = new ArrayList<>();
        since.forEach((conversationId, held) -> {
            synchronized (socket.lock) {
                Following following = socket.following(conversationId);
                if (following == null) {
                    return;
                }
                if (held < following.sent && following.messaged) {
                    reload.add(conversationId);
                    return;
                }
                following.sent = held;
                List<MessageRow> rows =
                        feed.after(socket.who.orgId(), conversationId, held, settings.resumeMessages() + 1);
                if (rows.size() > settings.resumeMessages()) {
                    reload.add(conversationId);
                    following.sent = conversations
                            .lastSeq(socket.who.orgId(), conversationId)
                            .orElse(held);
                    following.messaged = true;
                    return;
                }
                for (MessageRow row : rows) {
                    socket.send(frames.message(socket.who.orgId(), "message", row));
                    following.sent = row.seq();
                    following.messaged = true;
                }
            }
        });
        socket.send(frames.resumed(reload));
    }
}
