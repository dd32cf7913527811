package io.liaison.chat;

import io.liaison.identity.Actor;
import java.util.UUID;

/**
 * Who may read a file besides the member who uploaded it: implemented by the conversations (a
 * participant of a conversation in which a message that is not recalled carries the file, subject
 * to the group's settings for guests). Without an implementation only the uploader reads a file.
 */
public interface FileReaders {

    boolean mayRead(Actor actor, UUID fileId);
}
