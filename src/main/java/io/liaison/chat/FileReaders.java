package io.liaison.chat;

import java.util.UUID;

/**
 * Who may read a file besides the member or guest who uploaded it: implemented by the conversations (a
 * participant of a conversation in which a message that is not recalled carries the file, subject
 * to the group's settings for guests). Without an implementation only the uploader reads a file.
 */
public interface FileReaders {

    /**
     * Whether the user may read the file; a guest who would, but only through groups that do not let
     * guests download files, is refused with a 403 that says so.
     */
    boolean mayRead(ChatUser user, UUID fileId);
}
