package io.liaison.chat.api;

import io.liaison.chat.message.MessageQuotes;
import io.liaison.chat.message.MessageRow;
import io.liaison.chat.message.Quote;
import io.liaison.shared.CursorPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Messages as the API and the chat socket show them, each reply with its quote, the quotes of a page read at once. */
@Component
public class MessageResponses {

    private final MessageQuotes quotes;

    public MessageResponses(MessageQuotes quotes) {
        this.quotes = quotes;
    }

    public CursorPage<MessageResponse> page(UUID orgId, CursorPage<MessageRow> page) {
        Map<UUID, Quote> quoted = quotes.of(orgId, page.items());
        return page.map(m -> MessageResponse.of(m, quoted.get(m.id())));
    }

    public MessageResponse one(UUID orgId, MessageRow message) {
        return MessageResponse.of(message, quotes.of(orgId, List.of(message)).get(message.id()));
    }
}
