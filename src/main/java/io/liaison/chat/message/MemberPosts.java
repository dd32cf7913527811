package io.liaison.chat.message;

import io.liaison.chat.ChatPosts;
import io.liaison.chat.ChatUser;
import io.liaison.chat.message.MessageService.NewMessage;
import io.liaison.identity.Actor;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link ChatPosts} through the same service as the API's posts: its checks, its events, its socket frames. */
@Component
class MemberPosts implements ChatPosts {

    private final MessageService messages;

    MemberPosts(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public void post(Actor author, UUID conversationId, String text) {
        messages.post(
                ChatUser.of(author, Locale.SIMPLIFIED_CHINESE),
                conversationId,
                new NewMessage(text, null, List.of(), List.of()));
    }
}
