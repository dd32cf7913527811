package io.liaison.integration;

import io.liaison.shared.Message;
import java.io.IOException;

/** A record of a file that cannot be read, with the reason as a message said in the reader's language. */
class UnreadableRecord extends IOException {

    private final Message reason;

    UnreadableRecord(Message reason, Throwable cause) {
        super(reason.code() + reason.args(), cause);
        this.reason = reason;
    }

    Message reason() {
        return reason;
    }
}
