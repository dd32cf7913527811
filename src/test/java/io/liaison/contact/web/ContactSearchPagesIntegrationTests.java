package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The contact list's search as the member types, over MockMvc: the results are the search, with their
 * marks, in best-match order, and no suggestions repeat them.
 */
@LiaisonIntegrationTest
class ContactSearchPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    PageActors actors;
    Actor admin;

    @BeforeEach
    void newOrganization() {
        actors = new PageActors(mvc, members, organizations, jdbc);
        admin = actors.newOrganizationAdmin("Search");
    }

    Contact contact(Actor owner, String name, @Nullable String company) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("company", company);
        return contacts.create(owner, body, "manual", false);
    }

    /** The page or fragment with each run of white space as one space. */
    String page(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return actors.page(request, actor, status().isOk()).replaceAll("\\s+", " ");
    }

    /** The results as the search box asks for them while the member types. */
    String results(String q, Actor actor) throws Exception {
        return page(get("/contacts").param("q", q).header("HX-Request", "true"), actor);
    }

    @Test
    void theResultsAreTheSearchWithTheMatchMarkedAndNoSuggestionsRepeatThem() throws Exception {
        Contact zhang = contact(admin, "张三", "上海贸易");
        contact(admin, "李四", "北京科技");

        assertThat(results("zs", admin))
                .contains("href=\"/contacts/" + zhang.id() + "\"", "<mark>张三</mark>", "上海贸易", "1 contact")
                .doesNotContain("李四");
        assertThat(results("zhang", admin)).contains("<mark>张</mark>三");
        assertThat(results("贸易", admin)).contains("上海<mark>贸易</mark>");
        assertThat(page(get("/contacts"), admin))
                .contains("data-row-search=\"#contact-rows\"", "aria-keyshortcuts=\"/\"")
                .doesNotContain("role=\"listbox\"");
        assertThat(actors.page(get("/contacts/suggestions").param("q", "zs"), admin, status().is4xxClientError()))
                .doesNotContain("张三");
    }

    @Test
    void markupInANameIsShownAsText() throws Exception {
        contact(admin, "<i>Evil</i>", null);

        assertThat(results("evil", admin))
                .contains("&lt;i&gt;<mark>Evil</mark>&lt;/i&gt;")
                .doesNotContain("<i>");
    }

    @Test
    void aContactTheMemberMayNotSeeIsNotFound() throws Exception {
        Actor alice = actors.newMember(admin, "alice", "MEMBER");
        Actor bob = actors.newMember(admin, "bob", "MEMBER");
        contact(alice, "张三", "Alice Trading");
        contact(bob, "张三丰", "Bob Trading");

        assertThat(results("zs", alice)).contains("Alice Trading").doesNotContain("张三丰", "Bob Trading");
        assertThat(results("zs", admin)).contains("Alice Trading", "Bob Trading");
    }

    @Test
    void resultsForAQueryComeBestMatchFirstWithTheMatchMarked() throws Exception {
        Contact company = contact(admin, "李四", "张三贸易");
        Contact substring = contact(admin, "老张三", null);
        Contact prefix = contact(admin, "张三丰", null);
        Contact exact = contact(admin, "张三", null);

        String results = page(get("/contacts").param("q", "张三").header("HX-Request", "true"), admin);
        assertThat(results.indexOf("id=\"contact-" + exact.id()))
                .isPositive()
                .isLessThan(results.indexOf("id=\"contact-" + prefix.id()));
        assertThat(results.indexOf("id=\"contact-" + prefix.id()))
                .isLessThan(results.indexOf("id=\"contact-" + substring.id()));
        assertThat(results.indexOf("id=\"contact-" + substring.id()))
                .isLessThan(results.indexOf("id=\"contact-" + company.id()));
        assertThat(results)
                .contains("<mark>张三</mark>丰", "老<mark>张三</mark>", "<mark>张三</mark>贸易", "4 contacts")
                .contains("<option value=\"\" selected=\"selected\">Best match</option>");

        String byName = page(get("/contacts").param("q", "张三").param("sort", "name"), admin);
        assertThat(byName).contains("<option value=\"name\" selected=\"selected\">Name</option>");
    }

    @Test
    void theListSortedByNameIsInPinyinOrder() throws Exception {
        List<Contact> expected = new java.util.ArrayList<>();
        for (String name : List.of("张三", "Bob", "安娜", "陈晨", "曾国藩")) {
            expected.add(contact(admin, name, null));
        }
        expected.sort(java.util.Comparator.comparing(
                c -> List.of("安娜", "Bob", "陈晨", "曾国藩", "张三").indexOf(c.name())));

        String list = page(get("/contacts").param("sort", "name"), admin);
        List<Integer> positions = expected.stream()
                .map(c -> list.indexOf("id=\"contact-" + c.id()))
                .toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(list).contains("<option value=\"name\" selected=\"selected\">Name</option>");
    }

    @Test
    void withoutAQueryTheDefaultOrderIsRecentlyChanged() throws Exception {
        contact(admin, "张三", null);

        String list = page(get("/contacts"), admin);
        assertThat(list)
                .contains("<option value=\"\" selected=\"selected\">Recently changed</option>")
                .contains("hx-push-url=\"true\"", "hx-trigger=\"input changed delay:250ms, search\"")
                .doesNotContain("Best match", "<mark>");
    }

    @Test
    void aCountThatStoppedAtTheBoundSaysSoInBothLanguages() {
        assertThat(messages.getMessage("contacts.countMore", new Object[] {10_000}, Locale.ENGLISH))
                .isEqualTo("10,000+ contacts");
        assertThat(messages.getMessage("contacts.countMore", new Object[] {10_000}, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("10,000+ 位联系人");
    }
}
