package io.liaison.analytics.figures;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Api;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An organization driven through the REST API as its people would: members with contacts, an
 * administrator who owns two external groups with the members and a guest in each, and random steps
 * (follow-ups recorded, moved and deleted, contacts handed to another member, trashed and restored,
 * messages posted and recalled, opt-outs, tasks done, reopened, reassigned and deleted, groups linked
 * to other contacts).
 */
final class FigureWorld {

    static final List<String> TYPES = List.of("note", "call", "visit", "meeting", "message", "email");

    record Contact(String id, String name) {}

    record FollowUp(String id, String contactId, Api.Person author) {}

    record Message(String group, String id, Api.Person member, Guest guest, Instant at) {}

    record Guest(Cookie cookie, String contactId) {}

    record Group(String id, Guest guest) {}

    record Task(String id) {}

    final Api api;
    final MockMvc mvc;
    final Random random;
    final Api.Org org;
    final List<Api.Person> members = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();
    final Set<String> trashed = new HashSet<>();
    private final List<Contact> optedOut = new ArrayList<>();
    final Set<String> guestContacts = new HashSet<>();
    final List<FollowUp> followUps = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    private final Api.Person admin;

    FigureWorld(MockMvc mvc, Random random) throws Exception {
        this.mvc = mvc;
        this.api = new Api(mvc);
        this.random = random;
        this.org = api.newOrg("zh-CN");
        this.admin = new Api.Person(org.adminId(), org.adminLogin(), "", org.adminToken());
        for (int i = 0; i < 3; i++) {
            members.add(api.newMember(org, "MEMBER"));
        }
        String tagGroup = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"行业\",\"color\":\"#1E88E5\"}"));
        for (String name : List.of("制造", "零售", "医疗", "教育")) {
            tags.add(api.createdId(json(
                    post("/api/v1/tag-groups/" + tagGroup + "/tags"),
                    org.adminToken(),
                    "{\"name\":\"" + name + "\"}")));
        }
        for (Api.Person m : members) {
            newContact(m);
            newContact(m);
        }
        for (int g = 0; g < 2; g++) {
            Contact linked = contacts.get(g * 2);
            String ids = members.stream().map(Api.Person::id).collect(Collectors.joining("\",\""));
            String group = api.createdId(
                    json(post("/api/v1/conversations"), org.adminToken(), """
                    {"kind":"external","name":"客户群%d","memberIds":["%s"],"contactIds":["%s"]}
                    """.formatted(g, ids, linked.id())));
            groups.add(new Group(group, join(group, linked.id())));
            guestContacts.add(linked.id());
        }
    }

    void step() throws Exception {
        switch (random.nextInt(16)) {
            case 0 -> newContact(pick(members));
            case 1, 2 -> recordFollowUp();
            case 3 -> changeFollowUp();
            case 4 -> deleteFollowUp();
            case 5 -> handContact();
            case 6 -> trashOrRestore();
            case 7, 8 -> message(true);
            case 9 -> message(false);
            case 10 -> recall();
            case 11 -> optOutOrIn();
            case 12 -> task();
            case 14 -> retag();
            case 15 -> {
                if (tags.size() > 2 && random.nextInt(5) == 0) {
                    deleteTag();
                } else {
                    retag();
                }
            }
            default -> relink();
        }
    }

    private void newContact(Api.Person member) throws Exception {
        String name = "客户" + contacts.size();
        String id = api.createdId(
                json(post("/api/v1/contacts"), member.token(), """
                {"name":"%s","emails":[{"address":"c%d@customer.example"}],"tagIds":[%s]}""".formatted(name, contacts.size(), someTags())));
        contacts.add(new Contact(id, name));
        log.add("contact " + name + " by " + member.login());
    }

    private void recordFollowUp() throws Exception {
        Contact c = live();
        Api.Person author = owner(c);
        String body = api.answer(
                json(post("/api/v1/contacts/" + c.id() + "/follow-ups"), author.token(), """
                {"type":"%s","content":"跟进","occurredAt":"%s"}
                """.formatted(
                                pick(TYPES), time())),
                201);
        followUps.add(new FollowUp(JsonPath.read(body, "$.id"), c.id(), author));
        log.add("follow-up on " + c.name());
    }

    private void changeFollowUp() throws Exception {
        FollowUp f = ownFollowUp();
        if (f != null) {
            api.answer(
                    json(
                            patch("/api/v1/contacts/" + f.contactId() + "/follow-ups/" + f.id()),
                            f.author().token(),
                            """
                    {"type":"%s","occurredAt":"%s"}
                    """.formatted(pick(TYPES), time())),
                    200);
            log.add("follow-up moved");
        }
    }

    private void deleteFollowUp() throws Exception {
        FollowUp f = ownFollowUp();
        if (f != null) {
            ok(as(
                    delete("/api/v1/contacts/" + f.contactId() + "/follow-ups/" + f.id()),
                    f.author().token()));
            followUps.remove(f);
            log.add("follow-up deleted");
        }
    }

    private void handContact() throws Exception {
        Contact c = live();
        Api.Person to = pick(members);
        api.answer(
                json(patch("/api/v1/contacts/" + c.id()), org.adminToken(), "{\"ownerId\":\"" + to.id() + "\"}"), 200);
        log.add("contact " + c.name() + " to " + to.login());
    }

    /** Some of the tags, each with even odds, as a JSON array's elements. */
    private String someTags() {
        return tags.stream()
                .filter(t -> random.nextBoolean())
                .map(t -> "\"" + t + "\"")
                .collect(Collectors.joining(","));
    }

    private void retag() throws Exception {
        Contact c = live();
        api.answer(
                json(patch("/api/v1/contacts/" + c.id()), org.adminToken(), "{\"tagIds\":[" + someTags() + "]}"), 200);
        log.add("contact " + c.name() + " retagged");
    }

    private void deleteTag() throws Exception {
        String tag = tags.remove(random.nextInt(tags.size()));
        ok(as(delete("/api/v1/tags/" + tag), org.adminToken()));
        log.add("tag deleted");
    }

    private void trashOrRestore() throws Exception {
        if (!trashed.isEmpty() && random.nextBoolean()) {
            String id = trashed.iterator().next();
            ok(as(post("/api/v1/contacts/" + id + "/restore"), org.adminToken()));
            trashed.remove(id);
            log.add("restored");
        } else {
            Contact c = live();
            if (!guestContacts.contains(c.id())) {
                ok(as(delete("/api/v1/contacts/" + c.id()), org.adminToken()));
                trashed.add(c.id());
                log.add("trashed " + c.name());
            }
        }
    }

    void message(boolean byMember) throws Exception {
        Group g = pick(groups);
        String url = "/api/v1/conversations/" + g.id() + "/messages";
        String body;
        Api.Person member = null;
        if (byMember) {
            member = random.nextInt(4) == 0 ? admin : pick(members);
            body = api.answer(json(post(url), member.token(), "{\"text\":\"好的\"}"), 201);
        } else {
            MockHttpServletResponse r = mvc.perform(post(url)
                            .cookie(g.guest().cookie())
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\":\"请问价格？\"}"))
                    .andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as("the guest posts").isEqualTo(201);
            body = r.getContentAsString();
        }
        messages.add(
                new Message(g.id(), JsonPath.read(body, "$.id"), member, byMember ? null : g.guest(), Instant.now()));
        log.add((byMember ? "member" : "guest") + " message");
    }

    void recall() throws Exception {
        List<Message> recent = messages.stream()
                .filter(m -> m.at().isAfter(Instant.now().minusSeconds(60)))
                .toList();
        if (recent.isEmpty()) {
            return;
        }
        Message m = pick(recent);
        String url = "/api/v1/conversations/" + m.group() + "/messages/" + m.id() + "/recall";
        if (m.member() != null) {
            api.answer(as(post(url), m.member().token()), 200);
        } else {
            assertThat(mvc.perform(post(url).cookie(m.guest().cookie()).with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("the guest recalls")
                    .isEqualTo(200);
        }
        messages.remove(m);
        log.add("recalled");
    }

    /**
     * Opts a contact out, or one of those opted out back in while another stays out: an opt-out undone by
     * every later step would leave the stream without the figure it is meant to reach. A contact in the trash
     * is not found, so only one outside it is opted back in.
     */
    private void optOutOrIn() throws Exception {
        List<Contact> reachable =
                optedOut.stream().filter(c -> !trashed.contains(c.id())).toList();
        if (optedOut.size() > 1 && !reachable.isEmpty() && random.nextBoolean()) {
            Contact c = pick(reachable);
            optedOut.remove(c);
            ok(as(delete("/api/v1/contacts/" + c.id() + "/push-opt-out"), org.adminToken()));
            log.add("opted in " + c.name());
        } else {
            Contact c = live();
            ok(as(put("/api/v1/contacts/" + c.id() + "/push-opt-out"), org.adminToken()));
            if (!optedOut.contains(c)) {
                optedOut.add(c);
            }
            log.add("opted out " + c.name());
        }
    }

    private void task() throws Exception {
        int what = tasks.isEmpty() ? 0 : random.nextInt(5);
        if (what == 0) {
            Instant due = Instant.now().plus(random.nextInt(48) - 24, ChronoUnit.HOURS);
            tasks.add(new Task(api.createdId(json(post("/api/v1/tasks"), org.adminToken(), """
                    {"title":"回访","dueAt":"%s","assigneeIds":["%s","%s"]}
                    """.formatted(
                            due, pick(members).id(), pick(members).id())))));
            log.add("task");
            return;
        }
        Task t = pick(tasks);
        switch (what) {
            case 1 -> ok(as(post("/api/v1/tasks/" + t.id() + "/complete"), org.adminToken()));
            case 2 -> ok(json(patch("/api/v1/tasks/" + t.id()), org.adminToken(), "{\"status\":\"open\"}"));
            case 3 ->
                ok(json(patch("/api/v1/tasks/" + t.id()), org.adminToken(), """
                    {"assigneeIds":["%s"]}""".formatted(
                                pick(members).id())));
            default -> {
                ok(as(delete("/api/v1/tasks/" + t.id()), org.adminToken()));
                tasks.remove(t);
            }
        }
        log.add("task step " + what);
    }

    private void relink() throws Exception {
        Group g = pick(groups);
        Set<String> ids = new HashSet<>(List.of(g.guest().contactId()));
        for (int i = random.nextInt(3); i > 0; i--) {
            ids.add(live().id());
        }
        api.answer(
                json(patch("/api/v1/conversations/" + g.id()), org.adminToken(), """
                {"contactIds":["%s"]}""".formatted(
                                String.join("\",\"", ids))),
                200);
        log.add("group linked to " + ids.size());
    }

    /**
     * A time in the last few days, often right at a Shanghai midnight (16:00 UTC); a day earlier when it
     * would lie ahead (today's 16:00 UTC is still to come before it, and more than a day ahead is refused).
     */
    private String time() {
        Instant midnight = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .minus(random.nextInt(4), ChronoUnit.DAYS)
                .plus(16, ChronoUnit.HOURS);
        Instant at =
                midnight.plusSeconds(random.nextBoolean() ? random.nextInt(3) - 1 : random.nextInt(86_400) - 43_200);
        return (at.isAfter(Instant.now()) ? at.minus(1, ChronoUnit.DAYS) : at).toString();
    }

    private Contact live() {
        List<Contact> live =
                contacts.stream().filter(c -> !trashed.contains(c.id())).toList();
        return pick(live);
    }

    private Api.Person owner(Contact c) throws Exception {
        String body = api.answer(as(get("/api/v1/contacts/" + c.id()), org.adminToken()), 200);
        String owner = JsonPath.read(body, "$.ownerId");
        return members.stream().filter(m -> m.id().equals(owner)).findFirst().orElse(admin);
    }

    /** A follow-up its author may still change: the contact is theirs and not in the trash. */
    private FollowUp ownFollowUp() throws Exception {
        for (FollowUp f : followUps) {
            if (!trashed.contains(f.contactId())
                    && owner(new Contact(f.contactId(), ""))
                            .id()
                            .equals(f.author().id())) {
                return f;
            }
        }
        return null;
    }

    private Guest join(String group, String contactId) throws Exception {
        String answer = api.answer(
                json(post("/api/v1/conversations/" + group + "/invitations"), org.adminToken(), """
                {"contactId":"%s"}""".formatted(
                                contactId)),
                201);
        String url = JsonPath.read(answer, "$.url");
        MockHttpServletResponse joined = mvc.perform(post(url.substring(url.indexOf("/guest/join/")))
                        .with(csrf())
                        .param("displayName", "客人")
                        .param("login", Api.unique("guest"))
                        .param("password", "guest-password-1")
                        .param("password2", "guest-password-1"))
                .andReturn()
                .getResponse();
        assertThat(joined.getStatus()).as("the guest joins").isEqualTo(302);
        return new Guest(joined.getCookie("SESSION"), contactId);
    }

    /** Sends the request and expects it to succeed. */
    private void ok(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 299);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
