package io.liaison.chat.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This node's open chat sockets, by caller and by the conversations they follow. Nothing here is
 * shared between nodes: each node holds its own browsers, and signals tell every node what changed.
 */
@Component
class Sockets {

    private final Map<String, LiveSocket> all = new ConcurrentHashMap<>();
    private final Map<Who, Set<LiveSocket>> byCaller = new ConcurrentHashMap<>();
    private final Map<UUID, Set<LiveSocket>> byConversation = new ConcurrentHashMap<>();

    void add(LiveSocket socket) {
        all.put(socket.id, socket);
        byCaller.computeIfAbsent(socket.who, k -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void remove(LiveSocket socket) {
        all.remove(socket.id);
        byCaller.computeIfPresent(socket.who, (k, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
        socket.conversations().forEach(c -> unfollow(socket, c));
    }

    /** The socket follows the conversation from {@code lastSeq} on, unless it already does. */
    void follow(LiveSocket socket, UUID conversationId, long lastSeq) {
        socket.follow(conversationId, lastSeq);
        byConversation
                .computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet())
                .add(socket);
    }

    void unfollow(LiveSocket socket, UUID conversationId) {
        socket.unfollow(conversationId);
        byConversation.computeIfPresent(conversationId, (k, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
    }

    LiveSocket get(String id) {
        return all.get(id);
    }

    Collection<LiveSocket> all() {
        return all.values();
    }

    Collection<LiveSocket> of(Who who) {
        return byCaller.getOrDefault(who, Set.of());
    }

    /** The sockets following the conversation, as a copy that later changes do not touch. */
    List<LiveSocket> following(UUID conversationId) {
        Set<LiveSocket> sockets = byConversation.get(conversationId);
        return sockets == null ? List.of() : List.copyOf(sockets);
    }

    int count(Who who) {
        return byCaller.getOrDefault(who, Set.of()).size();
    }
}
