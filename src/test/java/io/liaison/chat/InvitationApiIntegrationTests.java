package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.identity.Guests;
import io.liaison.shared.LiaisonException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Inviting contacts into an external group through the API: who may invite whom, the link's expiry,
 * single use and revocation, a guest inviting where the group allows it, and the limit on open
 * invitations.
 */
@LiaisonIntegrationTest
class InvitationApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Guests guests;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Person ann;
    Api.Person bob;
    String contact;
    String group;
    String invitations;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        ann = api.newMember(org, "MEMBER");
        bob = api.newMember(org, "MEMBER");
        contact = GuestSession.contact(api, ann.token(), "Li Lei", "li.lei@customer.example");
        group = GuestSession.externalGroup(api, ann.token(), "华东客户群", contact, bob.id());
        invitations = "/api/v1/conversations/" + group + "/invitations";
    }

    static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static String refusal(Runnable call) {
        try {
            call.run();
        } catch (LiaisonException e) {
            return e.type();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anyMemberInTheGroupInvitesAContactTheyMaySeeIntoAnExternalGroupOnly() throws Exception {
        String answer = api.answer(json(post(invitations), bob.token(), "{\"contactId\":\"" + contact + "\"}"), 400);
        assertThat(answer).as("bob may not see ann's contact").contains("contactId");

        String created = api.answer(json(post(invitations), ann.token(), "{\"contactId\":\"" + contact + "\"}"), 201);
        assertThat(JsonPath.<String>read(created, "$.url")).contains("/guest/join/");
        assertThat(JsonPath.<Boolean>read(created, "$.emailed"))
                .as("no SMTP here")
                .isFalse();
        assertThat(JsonPath.<String>read(created, "$.expiresAt")).isNotNull();

        String internal = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "内部", bob.id());
        assertThat(api.answer(
                        json(
                                post("/api/v1/conversations/" + internal + "/invitations"),
                                ann.token(),
                                "{\"contactId\":\"" + contact + "\"}"),
                        409))
                .contains("invitation-external-only");
        String other = GuestSession.contact(api, ann.token(), "Han Meimei", "han@customer.example");
        api.answer(json(post(invitations), ann.token(), "{\"contactId\":\"" + other + "\"}"), 201);
        String linked = api.answer(as(get("/api/v1/conversations/" + group), ann.token()), 200);
        assertThat(JsonPath.<List<String>>read(linked, "$.contactIds")).contains(contact, other);
    }

    @Test
    void anInvitationIsListedRevokedByItsInviterOrTheOwnerAndThenRefused() throws Exception {
        String created = api.answer(json(post(invitations), ann.token(), "{\"contactId\":\"" + contact + "\"}"), 201);
        String id = JsonPath.read(created, "$.id");
        String listed = api.answer(as(get(invitations), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(listed, "$.items[*].contactName"))
                .containsExactly("Li Lei");
        assertThat(JsonPath.<List<String>>read(listed, "$.items[*].invitedBy")).containsExactly(ann.id());

        assertThat(api.answer(as(delete(invitations + "/" + id), bob.token()), 403))
                .contains("only the group's owner and admins, or whoever made it");
        api.answer(as(delete(invitations + "/" + id), ann.token()), 204);
        assertThat(refusal(() -> guests.open(token(JsonPath.read(created, "$.url")))))
                .isEqualTo("guest-invitation-revoked");
        assertThat(JsonPath.<List<String>>read(api.answer(as(get(invitations), ann.token()), 200), "$.items"))
                .isEmpty();
        api.answer(as(delete(invitations + "/" + id), ann.token()), 404);
    }

    @Test
    void anExpiredLinkIsRefusedAndAUsedOneIsNotUsedTwice() throws Exception {
        String expired = GuestSession.invite(api, ann.token(), group, contact);
        jdbc.sql("""
                        UPDATE guest_invitation SET created_at = now() - interval '8 days',
                               expires_at = now() - interval '1 day'
                         WHERE token_hash = sha256(convert_to(?, 'UTF8'))
                        """).param(token(expired)).update();
        assertThat(refusal(() -> guests.open(token(expired)))).isEqualTo("guest-invitation-expired");
        assertThat(JsonPath.<List<String>>read(api.answer(as(get(invitations), ann.token()), 200), "$.items"))
                .isEmpty();

        String url = GuestSession.invite(api, ann.token(), group, contact);
        GuestSession.join(mvc, url, "Li Lei", Api.unique("lilei"));
        assertThat(refusal(() -> guests.open(token(url)))).isEqualTo("guest-invitation-used");
        assertThat(api.answer(json(post(invitations), ann.token(), "{\"contactId\":\"" + contact + "\"}"), 409))
                .contains("guest-already-in");
    }

    @Test
    void aGuestInvitesTheGroupsOtherLinkedContactsOnlyWhereTheGroupAllowsIt() throws Exception {
        String other = GuestSession.contact(api, ann.token(), "Han Meimei", "han@customer.example");
        String stranger = GuestSession.contact(api, ann.token(), "Wang Wu", "wang@customer.example");
        api.answer(
                json(
                        patch("/api/v1/conversations/" + group),
                        ann.token(),
                        "{\"contactIds\":[\"" + contact + "\",\"" + other + "\"]}"),
                200);
        GuestSession guest = GuestSession.invited(mvc, api, ann.token(), group, contact, Api.unique("lilei"));
        String body = "{\"contactId\":\"" + other + "\"}";
        assertThat(api.answer(guest.json(post(invitations), body), 403)).contains("it does not let guests invite");

        api.answer(
                json(patch("/api/v1/conversations/" + group), ann.token(), "{\"settings\":{\"guestsInvite\":true}}"),
                200);
        assertThat(api.answer(guest.json(post(invitations), "{\"contactId\":\"" + stranger + "\"}"), 400))
                .contains("contacts this group is linked to");
        String created = api.answer(guest.json(post(invitations), body), 201);
        api.answer(json(post(invitations), ann.token(), "{\"contactId\":\"" + contact + "\"}"), 409);

        String theirs = api.answer(guest.on(get(invitations)), 200);
        assertThat(JsonPath.<List<String>>read(theirs, "$.items[*].invitedByGuest"))
                .containsExactly(guest.id());
        GuestSession second = GuestSession.join(mvc, JsonPath.read(created, "$.url"), "Han Meimei", Api.unique("han"));
        String people = api.answer(as(get("/api/v1/conversations/" + group + "/participants"), ann.token()), 200);
        assertThat(JsonPath.<List<String>>read(people, "$.items[?(@.kind == 'guest')].guestId"))
                .contains(guest.id(), second.id());
    }

    @Test
    void aGroupHasAtMostFiftyOpenInvitations() throws Exception {
        for (int i = 0; i < 50; i++) {
            GuestSession.invite(api, ann.token(), group, contact);
        }
        assertThat(api.answer(json(post(invitations), ann.token(), "{\"contactId\":\"" + contact + "\"}"), 409))
                .contains("too-many-invitations");
    }
}
