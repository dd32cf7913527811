package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSort;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contact pages over MockMvc, each test in an organization of its own so that counts are exact. */
@LiaisonIntegrationTest
class ContactPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    TagService tags;

    @Autowired
    JdbcClient jdbc;

    Actor admin;

    @BeforeEach
    void newOrganization() {
        UUID systemAdminId = jdbc.sql("SELECT id FROM member WHERE login = 'admin' AND system_admin")
                .query(UUID.class)
                .single();
        Actor systemAdmin = members.actor(systemAdminId).orElseThrow();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var created = organizations.create(
                systemAdmin,
                new OrganizationService.CreateOrganization(
                        "Pages " + suffix, "pages-" + suffix, "en", "boss", "boss-password-1", "Boss"));
        admin = members.actor(created.admin().id()).orElseThrow();
    }

    Actor newMember(String login) {
        Member m = members.create(
                admin, new NewMember(login, "Member " + login, null, null, "MEMBER", List.of(), "member-password-1"));
        return members.actor(m.id()).orElseThrow();
    }

    Contact contact(Actor actor, String name, @Nullable String mobile) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("mobile", mobile);
        body.put("company", "ACME");
        return contacts.create(actor, body, "manual", false);
    }

    /** A tag of the organization's default groups, by its English name. */
    UUID tag(String name) {
        return tags.list(admin).stream()
                .flatMap(g -> g.tags().stream())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    Contact tagged(String name, UUID... tagIds) {
        Contact c = contact(admin, name, null);
        List<String> ids = Arrays.stream(tagIds).map(UUID::toString).toList();
        return contacts.update(admin, c.id(), Map.of("tagIds", ids), null, false);
    }

    String page(MockHttpServletRequestBuilder request, Actor actor, ResultMatcher expected) throws Exception {
        return mvc.perform(request.header("Accept-Language", "en").with(authentication(new ActorAuthentication(actor))))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void emptyListInvitesTheFirstContactAndThenCountsThem() throws Exception {
        String empty = page(get("/contacts"), admin, status().isOk());
        assertThat(empty).contains("No contacts yet", "href=\"/contacts/new\"", "No contacts");

        contact(admin, "Zhang Wei", null);
        contact(admin, "Li Na", null);
        String list = page(get("/contacts"), admin, status().isOk());
        assertThat(list)
                .contains("2 contacts", "Zhang Wei", "Li Na", "ACME", "Boss")
                .doesNotContain("No contacts yet");

        String none = page(get("/contacts").param("q", "nobody-like-this"), admin, status().isOk());
        assertThat(none).contains("No contact matches", "Clear the filters");
    }

    @Test
    void htmxSearchAnswersTheResultsWithoutTheLayout() throws Exception {
        contact(admin, "张伟", null);
        contact(admin, "Li Na", null);

        String fragment = page(get("/contacts").param("q", "张伟").header("HX-Request", "true"), admin, status().isOk());
        assertThat(fragment)
                .contains("<tr", "张伟", "1 contact")
                .doesNotContain("Li Na", "<html", "<nav", "contact-search");
    }

    @Test
    void formShowsTheRejectedFieldsUnderTheirInputs() throws Exception {
        String body = page(
                post("/contacts")
                        .param("name", "")
                        .param("mobile", "12")
                        .param("email", "not-an-address")
                        .with(csrf()),
                admin,
                status().isBadRequest());
        assertThat(body)
                .contains("must have 1 to 100 characters", "is not a valid phone number")
                .contains("must be an e-mail address such as name@example.com")
                .containsPattern("is-invalid\"[^>]*id=\"email\"");
        assertThat(contacts.count(admin, ContactFilter.none()).count()).isZero();
    }

    @Test
    void aStaleEditShowsTheOtherChangeAndKeepsMine() throws Exception {
        Contact contact = contact(admin, "Zhang Wei", null);
        contacts.update(admin, contact.id(), Map.of("company", "Other Corp"), null, false);

        String body = page(
                post("/contacts/{id}", contact.id())
                        .param("name", "Zhang Wei")
                        .param("company", "My Corp")
                        .param("title", "Buyer")
                        .param("ownerId", admin.memberId().toString())
                        .param("version", String.valueOf(contact.version()))
                        .with(csrf()),
                admin,
                status().isPreconditionFailed());
        assertThat(body)
                .contains("Someone else changed this contact", "theirs-company", "Other Corp")
                .contains("value=\"My Corp\"", "value=\"Buyer\"")
                .contains("name=\"version\" value=\"" + (contact.version() + 1) + "\"");
        assertThat(contacts.get(admin, contact.id()).fields().company()).isEqualTo("Other Corp");

        page(
                post("/contacts/{id}", contact.id())
                        .param("name", "Zhang Wei")
                        .param("company", "My Corp")
                        .param("version", String.valueOf(contact.version() + 1))
                        .with(csrf()),
                admin,
                status().is3xxRedirection());
        assertThat(contacts.get(admin, contact.id()).fields().company()).isEqualTo("My Corp");
    }

    @Test
    void aDuplicateOffersSaveAnywayWhichSaves() throws Exception {
        Contact first = contact(admin, "Zhang Wei", "13800138000");

        String body = page(
                post("/contacts")
                        .param("name", "Zhang Wei Jr")
                        .param("mobile", "13800138000")
                        .with(csrf()),
                admin,
                status().isConflict());
        assertThat(body)
                .contains("The contact “Zhang Wei” has the same mobile number", "/contacts/" + first.id())
                .contains("contact-save-anyway", "Save anyway", "value=\"Zhang Wei Jr\"");
        assertThat(contacts.count(admin, ContactFilter.none()).count()).isEqualTo(1);

        page(
                post("/contacts")
                        .param("name", "Zhang Wei Jr")
                        .param("mobile", "13800138000")
                        .param("allowDuplicate", "true")
                        .with(csrf()),
                admin,
                status().is3xxRedirection());
        assertThat(contacts.count(admin, ContactFilter.none()).count()).isEqualTo(2);
    }

    @Test
    void aMemberDoesNotSeeAnotherMembersContact() throws Exception {
        Actor alice = newMember("alice");
        Actor bob = newMember("bob");
        Contact ofAlice = contact(alice, "Customer of Alice", null);

        String notFound = page(get("/contacts/{id}", ofAlice.id()), bob, status().isNotFound());
        assertThat(notFound).contains("Contact not found").doesNotContain("Customer of Alice");
        assertThat(page(get("/contacts"), bob, status().isOk())).doesNotContain("Customer of Alice");
        assertThat(page(get("/contacts/{id}", ofAlice.id()), alice, status().isOk()))
                .contains("Customer of Alice");
    }

    @Test
    void selectedContactsGoToTheTrashAndOneComesBack() throws Exception {
        Contact a = contact(admin, "Zhang Wei", null);
        Contact b = contact(admin, "Li Na", null);
        contact(admin, "Wang Fang", null);

        String results = page(
                post("/contacts/trash")
                        .param("ids", a.id().toString(), b.id().toString())
                        .header("HX-Request", "true")
                        .with(csrf()),
                admin,
                status().isOk());
        assertThat(results).contains("2 contacts were moved to the trash", "1 contact", "Wang Fang");

        String trash = page(get("/trash"), admin, status().isOk());
        assertThat(trash).contains("Zhang Wei", "Li Na", "Boss");

        String restored = page(
                post("/trash/{id}/restore", a.id()).header("HX-Request", "true").with(csrf()), admin, status().isOk());
        assertThat(restored).contains("hx-swap-oob", "“Zhang Wei” is back among the contacts");
        assertThat(page(get("/trash"), admin, status().isOk())).doesNotContain("Zhang Wei");
        assertThat(page(get("/contacts"), admin, status().isOk())).contains("Zhang Wei", "2 contacts");
    }

    @Test
    void contactPageShowsFollowUpsAndTimelineInWords() throws Exception {
        Contact contact = contact(admin, "Zhang Wei", null);
        contacts.update(admin, contact.id(), Map.of("company", "Other Corp"), null, false);

        String recorded = page(
                post("/contacts/{id}/follow-ups", contact.id())
                        .param("type", "call")
                        .param("content", "Talked about the offer")
                        .param("occurredAt", "2026-01-05T10:30")
                        .header("HX-Request", "true")
                        .with(csrf()),
                admin,
                status().isOk());
        assertThat(recorded)
                .contains("Talked about the offer", "Call", "hx-swap-oob")
                .doesNotContain("<nav");

        String body = page(get("/contacts/{id}", contact.id()), admin, status().isOk());
        assertThat(body)
                .contains("Talked about the offer", "Jan 5, 2026, 10:30 AM")
                .contains(">Boss</a> added the contact.", ">Boss</a> changed a field:", "Company: ACME → Other Corp")
                .contains(">Boss</a> recorded a follow-up: Call.", "<li>Talked about the offer</li>");
    }

    @Test
    void theListFilteredByTagsShowsOnlyTheTaggedContacts() throws Exception {
        UUID customer = tag("Customer");
        UUID key = tag("Key");
        tagged("Zhang Wei", customer);
        tagged("Li Na", key);
        contact(admin, "Wang Fang", null);

        String all = page(get("/contacts"), admin, status().isOk());
        assertThat(all).contains("3 contacts", "Type", "Level", "tag-filter-" + customer, "tag-chip-sm");

        String onlyCustomers = page(get("/contacts").param("tagId", customer.toString()), admin, status().isOk());
        assertThat(onlyCustomers)
                .contains("1 contact", "Zhang Wei", "contact-tag-clear")
                .containsPattern("id=\"tag-filter-" + customer + "\" checked")
                .doesNotContain("Li Na", "Wang Fang", "contact-tag-mode");

        String either = page(
                get("/contacts")
                        .param("tagId", customer.toString(), key.toString())
                        .param("tagMode", "any")
                        .header("HX-Request", "true"),
                admin,
                status().isOk());
        assertThat(either)
                .contains("2 contacts", "Zhang Wei", "Li Na", "contact-tag-mode", "hx-swap-oob")
                .doesNotContain("Wang Fang", "<nav");

        String both =
                page(get("/contacts").param("tagId", customer.toString(), key.toString()), admin, status().isOk());
        assertThat(both).contains("No contact matches").doesNotContain("Zhang Wei", "Li Na");
    }

    @Test
    void tagsSavedOnTheContactPageAgainstTheSeenVersion() throws Exception {
        UUID customer = tag("Customer");
        UUID key = tag("Key");
        Contact contact = contact(admin, "Zhang Wei", null);
        assertThat(page(get("/contacts/{id}", contact.id()), admin, status().isOk()))
                .contains("No tags", "Edit tags", "contact-tag-" + customer);

        String saved = page(
                post("/contacts/{id}/tags", contact.id())
                        .param("tagIds", customer.toString(), key.toString())
                        .param("version", String.valueOf(contact.version()))
                        .header("HX-Request", "true")
                        .with(csrf()),
                admin,
                status().isOk());
        assertThat(saved)
                .contains("id=\"contact-tags\"", "Customer", "Key", "contact-trash-version", "hx-swap-oob")
                .doesNotContain("No tags", "<nav");
        assertThat(contacts.get(admin, contact.id()).fields().tagIds()).containsExactlyInAnyOrder(customer, key);

        page(
                post("/contacts/{id}/tags", contact.id())
                        .param("version", String.valueOf(contact.version()))
                        .header("HX-Request", "true")
                        .with(csrf()),
                admin,
                status().isPreconditionFailed());
        String exclusive = page(
                post("/contacts/{id}/tags", contact.id())
                        .param("tagIds", key.toString(), tag("Regular").toString())
                        .param("version", String.valueOf(contact.version() + 1))
                        .header("HX-Request", "true")
                        .with(csrf()),
                admin,
                status().isUnprocessableEntity());
        assertThat(exclusive).contains("One tag per group");
        assertThat(contacts.get(admin, contact.id()).fields().tagIds()).containsExactlyInAnyOrder(customer, key);
    }

    @Test
    void theFormSavesTheCheckedTags() throws Exception {
        UUID customer = tag("Customer");
        UUID event = tag("Event");
        assertThat(page(get("/contacts/new"), admin, status().isOk())).contains("form-tag-" + customer, "Source");

        page(
                post("/contacts")
                        .param("name", "Zhang Wei")
                        .param("tagIds", customer.toString(), event.toString())
                        .with(csrf()),
                admin,
                status().is3xxRedirection());
        Contact created = contacts.list(admin, ContactFilter.none(), ContactSort.parse(null), null, 1)
                .items()
                .get(0);
        assertThat(created.fields().tagIds()).containsExactlyInAnyOrder(customer, event);
        assertThat(page(get("/contacts/{id}/edit", created.id()), admin, status().isOk()))
                .containsPattern("id=\"form-tag-" + customer + "\" checked");

        page(
                post("/contacts/{id}", created.id())
                        .param("name", "Zhang Wei")
                        .param("tagIds", event.toString())
                        .param("version", String.valueOf(created.version()))
                        .with(csrf()),
                admin,
                status().is3xxRedirection());
        assertThat(contacts.get(admin, created.id()).fields().tagIds()).containsExactly(event);
    }
}
