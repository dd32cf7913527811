package io.liaison.chat;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The organization's uploaded files, for the messages that carry them; implemented by {@code chat.file}. */
public interface ChatFiles {

    /**
     * The files with these ids, in the order given, that {@code user} may attach to a message: ones
     * they uploaded or may read. An id of another organization or one they may not read is refused
     * with a 400 naming {@code fileIds}.
     */
    List<ChatFile> attachable(ChatUser user, List<UUID> ids);

    /** The organization's files with these ids (unknown ids left out), for showing messages. */
    List<ChatFile> byIds(UUID orgId, Collection<UUID> ids);
}
