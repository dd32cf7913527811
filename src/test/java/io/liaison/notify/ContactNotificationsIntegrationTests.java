package io.liaison.notify;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What others do with contacts reaches the members concerned through {@code contact}'s events and
 * the event publication registry: once per event, never for the actor's own action; and a listener
 * that fails leaves its publication incomplete, to be delivered again.
 */
@LiaisonIntegrationTest
class ContactNotificationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;
    Api.Person owner;
    Api.Person reader;
    Api.Person helper;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        owner = api.newMember(org, "MEMBER");
        reader = api.newMember(org, "MEMBER");
        helper = api.newMember(org, "MEMBER");
    }

    @Test
    void aNewContactTellsItsOwnerReadersAndCollaboratorsOnceButNotTheActor() throws Exception {
        String contact =
                create(org.adminToken(), "张三", owner.id(), List.of(reader.id(), org.adminId()), List.of(helper.id()));

        assertThat(kinds(owner)).containsExactly("contact.assigned");
        assertThat(kinds(reader)).containsExactly("contact.shared");
        assertThat(kinds(helper)).containsExactly("contact.collaborator");
        assertThat(kinds(org.adminId())).isEmpty();

        String mine = api.answer(
                as(get("/api/v1/notifications"), reader.token()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), 200);
        assertThat((String) JsonPath.read(mine, "$.items[0].title")).endsWith("将 张三 共享给你");
        assertThat((String) JsonPath.read(mine, "$.items[0].link")).isEqualTo("/contacts/" + contact);
        String english = api.answer(
                as(get("/api/v1/notifications"), reader.token()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 200);
        assertThat((String) JsonPath.read(english, "$.items[0].title")).endsWith("shared 张三 with you");
    }

    @Test
    void sharingHandingOverAndRevealingTellOnlyTheOthersConcerned() throws Exception {
        String contact = create(owner.token(), "李四", owner.id(), List.of(), List.of());
        assertThat(kinds(owner)).as("one's own contact is no news").isEmpty();

        change(
                owner.token(),
                contact,
                "{\"shareUserIds\":[\"" + reader.id() + "\"],\"collaboratorIds\":[\"" + helper.id() + "\"]}");
        change(owner.token(), contact, "{\"shareUserIds\":[\"" + reader.id() + "\"],\"remark\":\"again\"}");
        assertThat(kinds(reader))
                .as("shared once, however often the contact changes")
                .containsExactly("contact.shared");
        assertThat(kinds(helper)).containsExactly("contact.collaborator");

        api.answer(as(post("/api/v1/contacts/" + contact + "/reveal"), owner.token()), 200);
        assertThat(kinds(owner)).as("looking at one's own contact").isEmpty();
        api.answer(as(post("/api/v1/contacts/" + contact + "/reveal"), org.adminToken()), 200);
        assertThat(kinds(owner)).containsExactly("contact.revealed");

        change(org.adminToken(), contact, "{\"ownerId\":\"" + reader.id() + "\"}");
        assertThat(kinds(reader)).containsExactly("contact.assigned", "contact.shared");
        assertThat(kinds(org.adminId())).isEmpty();
    }

    @Test
    void aFailingListenerLeavesItsPublicationIncompleteAndItIsDeliveredAgain(
            @Autowired IncompleteEventPublications incomplete) throws Exception {
        UUID recipient = UUID.fromString(reader.id());
        // the notification table refuses this member's rows, as a database that is briefly unwell would
        String trigger = "refuse_" + recipient.toString().replace("-", "");
        jdbc.sql("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.member_id = '"
                        + recipient + "' THEN RAISE EXCEPTION 'unwell'; END IF; RETURN NEW; END $$")
                .update();
        jdbc.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION " + trigger
                        + "()")
                .update();
        String contact;
        try {
            contact = create(owner.token(), "王五", owner.id(), List.of(reader.id()), List.of());
        } finally {
            jdbc.sql("DROP TRIGGER " + trigger + " ON notification").update();
            jdbc.sql("DROP FUNCTION " + trigger + "()").update();
        }
        assertThat(kinds(reader)).isEmpty();
        assertThat(publications(contact, false))
                .as("the failed publication is kept")
                .isEqualTo(1);

        incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(contact));

        assertThat(kinds(reader)).containsExactly("contact.shared");
        assertThat(publications(contact, false)).isZero();
        assertThat(publications(contact, true)).isEqualTo(1);
    }

    int publications(String contact, boolean completed) {
        return jdbc.sql(
                        "SELECT count(*) FROM event_publication WHERE listener_id LIKE '%ContactNotifications%'"
                                + " AND event_type LIKE '%ContactCreated' AND serialized_event LIKE ? AND (completion_date IS NOT NULL) = ?")
                .params("%" + contact + "%", completed)
                .query(Integer.class)
                .single();
    }

    String create(String token, String name, String ownerId, List<String> readers, List<String> collaborators)
            throws Exception {
        return api.createdId(json(
                post("/api/v1/contacts"),
                token,
                "{\"name\":\"" + name + "\",\"ownerId\":\"" + ownerId + "\",\"shareUserIds\":" + ids(readers)
                        + ",\"collaboratorIds\":" + ids(collaborators) + "}"));
    }

    void change(String token, String contact, String body) throws Exception {
        api.answer(json(patch("/api/v1/contacts/" + contact), token, body), 200);
    }

    static String ids(List<String> ids) {
        return ids.isEmpty() ? "[]" : "[\"" + String.join("\",\"", ids) + "\"]";
    }

    List<String> kinds(Api.Person person) {
        return kinds(person.id());
    }

    List<String> kinds(String memberId) {
        return jdbc.sql("SELECT kind FROM notification WHERE org_id = ? AND member_id = ? ORDER BY kind")
                .params(UUID.fromString(org.id()), UUID.fromString(memberId))
                .query(String.class)
                .list();
    }
}
