package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A guest's groups: joining a second one with the same account, and losing access the moment they
 * are in none (removed, left, or their contact trashed), each change published and audited.
 */
@LiaisonIntegrationTest
@RecordApplicationEvents
class GuestRemovalIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Api api;
    Api.Org org;
    Api.Person ann;
    String contact;
    String first;
    String second;
    String login;
    GuestSession guest;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("en");
        ann = api.newMember(org, "MEMBER");
        contact = GuestSession.contact(api, ann.token(), "Li Lei", "li.lei@customer.example");
        first = GuestSession.externalGroup(api, ann.token(), "First", contact);
        second = GuestSession.externalGroup(api, ann.token(), "Second", contact);
        login = Api.unique("lilei");
        guest = GuestSession.invited(mvc, api, ann.token(), first, contact, login);
    }

    /** The guest accepts an invitation into the second group with the account they have. */
    void joinSecond() throws Exception {
        GuestSession again = GuestSession.join(mvc, GuestSession.invite(api, ann.token(), second, contact), "", login);
        assertThat(again.id()).isEqualTo(guest.id());
    }

    int status(GuestSession session) throws Exception {
        return mvc.perform(session.on(get("/api/v1/conversations")))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    List<String> guestsIn(String group) throws Exception {
        String people = api.answer(as(get("/api/v1/conversations/" + group + "/participants"), ann.token()), 200);
        return JsonPath.read(people, "$.items[?(@.kind == 'guest')].guestId");
    }

    @Test
    void anExistingGuestInvitedIntoASecondGroupIsInBothAndLosesAccessOnlyWhenRemovedFromTheLast() throws Exception {
        joinSecond();
        String mine = api.answer(guest.on(get("/api/v1/conversations")), 200);
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].id")).containsExactlyInAnyOrder(first, second);

        api.answer(
                as(delete("/api/v1/conversations/" + first + "/participants?guestId=" + guest.id()), ann.token()), 204);
        assertThat(guestsIn(first)).isEmpty();
        assertThat(JsonPath.<List<String>>read(
                        api.answer(guest.on(get("/api/v1/conversations")), 200), "$.items[*].id"))
                .containsExactly(second);
        api.answer(guest.on(get("/api/v1/conversations/" + first)), 404);

        api.answer(
                as(delete("/api/v1/conversations/" + second + "/participants?guestId=" + guest.id()), ann.token()),
                204);
        assertThat(status(guest)).as("the guest's next request").isEqualTo(401);
        assertThat(events.stream(ParticipantsChanged.class)
                        .filter(e -> e.removedGuests().contains(UUID.fromString(guest.id())))
                        .map(ParticipantsChanged::conversationId))
                .containsExactly(UUID.fromString(first), UUID.fromString(second));
    }

    @Test
    void aGuestWhoLeavesTheirLastGroupIsLoggedOut() throws Exception {
        api.answer(guest.on(post("/api/v1/conversations/" + first + "/leave")), 204);
        assertThat(guestsIn(first)).isEmpty();
        assertThat(status(guest)).isEqualTo(401);
    }

    @Test
    void trashingTheContactTakesTheGuestOutOfEveryGroupAndEndsTheirSession() throws Exception {
        joinSecond();
        api.answer(as(delete("/api/v1/contacts/" + contact), ann.token()), 204);

        assertThat(status(guest)).isEqualTo(401);
        assertThat(guestsIn(first)).isEmpty();
        assertThat(guestsIn(second)).isEmpty();
        assertThat(events.stream(ParticipantsChanged.class)
                        .filter(e -> e.removedGuests().contains(UUID.fromString(guest.id())))
                        .map(ParticipantsChanged::conversationId))
                .containsExactlyInAnyOrder(UUID.fromString(first), UUID.fromString(second));
    }

    @Test
    void invitationsJoiningAndTheGuestsComingAndGoingAreAudited() throws Exception {
        api.answer(
                as(delete("/api/v1/conversations/" + first + "/participants?guestId=" + guest.id()), ann.token()), 204);

        List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE org_id = ?::uuid ")
                .param(org.id())
                .query(String.class)
                .list();
        assertThat(actions).contains("guest.invited", "guest.joined", "conversation.participants-changed");
        String removal = jdbc.sql("""
                        SELECT before::text FROM audit_event
                         WHERE org_id = ?::uuid AND action = 'conversation.participants-changed'
                         ORDER BY at DESC, id DESC LIMIT 1
                        """).param(org.id()).query(String.class).single();
        assertThat(removal).contains("guestIds", guest.id());
    }
}
