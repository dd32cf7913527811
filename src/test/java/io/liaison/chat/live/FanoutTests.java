package io.liaison.chat.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.jayway.jsonpath.JsonPath;
import io.liaison.chat.ChatUser;
import io.liaison.chat.api.MessageResponses;
import io.liaison.chat.message.MessageFeed;
import io.liaison.chat.message.MessageQuotes;
import io.liaison.chat.message.MessageRow;
import io.liaison.identity.BrowserSessions;
import io.liaison.identity.Guest;
import io.liaison.identity.Guests;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order promises of one node's fan-out, with the database stood in for: a number past a gap
 * sends the gap first, a number sent is never sent again, a resume past what is replayed at once
 * asks for a reload, and a socket silent for two heartbeats is closed.
 */
class FanoutTests {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID CONVERSATION = UUID.randomUUID();
    private static final LiveSettings SETTINGS = new LiveSettings(
            Duration.ofSeconds(1),
            DataSize.ofKilobytes(64),
            20,
            10,
            1000,
            3,
            Duration.ofSeconds(10),
            DataSize.ofMegabytes(1),
            Duration.ofSeconds(60));

    private final Sockets sockets = new Sockets();
    private final LiveRepository conversations = mock(LiveRepository.class);
    private final MessageFeed feed = mock(MessageFeed.class);
    private final Frames frames = new Frames(
            JsonMapper.builder().build(), mock(MessageSource.class), new MessageResponses(mock(MessageQuotes.class)));
    private final Guests guests = mock(Guests.class);
    private final Fanout fanout = new Fanout(sockets, conversations, feed, frames, SETTINGS, guests);
    private final List<String> sent = new ArrayList<>();
    private final WebSocketSession session = mock(WebSocketSession.class);
    private Guest guest;

    private LiveSocket socket(long lastSeq) throws Exception {
        when(session.getId()).thenReturn(UUID.randomUUID().toString());
        when(session.isOpen()).thenReturn(true);
        doAnswer(call -> sent.add(((TextMessage) call.getArgument(0)).getPayload()))
                .when(session)
                .sendMessage(any());
        Guest guest = new Guest(
                ORG,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Li Lei",
                "lilei",
                "acme",
                "Acme",
                "zh-CN",
                ZoneId.of("Asia/Shanghai"));
        ChatUser user = new ChatUser(ORG, guest.id(), guest.displayName(), Locale.CHINA, guest.timeZone(), guest);
        LiveSocket socket = new LiveSocket(session, user, Locale.CHINA);
        this.guest = guest;
        sockets.add(socket);
        sockets.follow(socket, CONVERSATION, lastSeq);
        return socket;
    }

    /** The conversation holds messages 1 to {@code last}; the feed answers as the database would. */
    private void messages(long last) {
        when(feed.after(eq(ORG), eq(CONVERSATION), anyLong(), anyInt())).thenAnswer(call -> {
            long after = call.getArgument(2);
            int limit = call.getArgument(3);
            List<MessageRow> rows = new ArrayList<>();
            for (long seq = after + 1; seq <= last && rows.size() < limit; seq++) {
                rows.add(new MessageRow(
                        UUID.randomUUID(),
                        CONVERSATION,
                        seq,
                        UUID.randomUUID(),
                        "member",
                        "Wang Wei",
                        "m" + seq,
                        "<p>m" + seq + "</p>",
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        Instant.now()));
            }
            return rows;
        });
        when(conversations.lastSeq(ORG, CONVERSATION)).thenReturn(Optional.of(last));
    }

    private List<Integer> seqs() {
        return sent.stream()
                .filter(f -> f.contains("\"type\":\"message\""))
                .map(f -> JsonPath.<Integer>read(f, "$.seq"))
                .toList();
    }

    @Test
    void aNumberPastAGapSendsTheGapFirstAndNothingTwice() throws Exception {
        socket(2);
        messages(5);
        fanout.message(ORG, CONVERSATION, 5, "message");
        fanout.message(ORG, CONVERSATION, 4, "message");
        fanout.message(ORG, CONVERSATION, 3, "message");
        fanout.message(ORG, CONVERSATION, 5, "message");
        assertThat(seqs()).containsExactly(3, 4, 5);
        assertThat(JsonPath.<String>read(sent.get(0), "$.message.text")).isEqualTo("m3");
    }

    @Test
    void anEditOfAMessageNotYetSentSendsTheMessageInstead() throws Exception {
        socket(0);
        messages(2);
        fanout.message(ORG, CONVERSATION, 1, "edited");
        fanout.message(ORG, CONVERSATION, 1, "recalled");
        assertThat(sent).hasSize(2);
        assertThat(seqs()).containsExactly(1);
        assertThat(JsonPath.<String>read(sent.get(1), "$.type")).isEqualTo("recalled");
    }

    @Test
    void aResumePastWhatIsReplayedAtOnceAsksForAReloadAndGoesOnFromTheLatest() throws Exception {
        LiveSocket socket = socket(10);
        messages(10);
        fanout.resume(socket, Map.of(CONVERSATION, 8L));
        fanout.resume(socket, Map.of(CONVERSATION, 2L));
        assertThat(seqs()).as("what the first resume replayed").containsExactly(9, 10);
        String resumed = sent.get(sent.size() - 1);
        assertThat(JsonPath.<Boolean>read(resumed, "$.complete")).isFalse();
        assertThat(JsonPath.<List<String>>read(resumed, "$.reload")).containsExactly(CONVERSATION.toString());

        sent.clear();
        LiveSocket fresh = socket(10);
        fanout.resume(fresh, Map.of(CONVERSATION, 2L));
        assertThat(JsonPath.<List<String>>read(sent.get(sent.size() - 1), "$.reload"))
                .as("seven messages missed, three replayed at once")
                .containsExactly(CONVERSATION.toString());
        messages(11);
        sent.clear();
        fanout.message(ORG, CONVERSATION, 11, "message");
        assertThat(seqs())
                .as("the next message, once on each of the two sockets")
                .containsExactly(11, 11);
    }

    @Test
    void aSocketSilentForTwoHeartbeatsIsClosedAndAnotherIsPinged() throws Exception {
        socket(0);
        Heartbeats heartbeats = new Heartbeats(sockets, frames, mock(BrowserSessions.class), SETTINGS);
        heartbeats.beat();
        assertThat(sent).containsExactly("{\"type\":\"ping\"}");
        Thread.sleep(2100);
        heartbeats.beat();
        verify(session).close(CloseStatus.SESSION_NOT_RELIABLE);
    }

    @Test
    void aGuestRemovedWithTheirAccessLosesTheSocketAndOneStillWithAccessKeepsIt() throws Exception {
        socket(0);
        when(conversations.participants(ORG, CONVERSATION)).thenReturn(Set.of());
        when(guests.find(ORG, guest.id())).thenReturn(Optional.of(guest));
        fanout.participants(ORG, CONVERSATION);
        assertThat(sent).containsExactly("{\"type\":\"removed\",\"conversationId\":\"" + CONVERSATION + "\"}");
        verify(session, never()).close(any());

        sockets.follow(sockets.all().iterator().next(), CONVERSATION, 0);
        when(guests.find(ORG, guest.id())).thenReturn(Optional.empty());
        fanout.participants(ORG, CONVERSATION);
        verify(session).close(CloseStatus.POLICY_VIOLATION);
    }
}
