package io.liaison.integration.dav;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static io.liaison.integration.dav.Dav.dav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;

@LiaisonIntegrationTest
class CardDavIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AddressBook book;

    @Autowired
    MemberService members;

    Api api;
    Api.Org org;
    Api.Person member;
    String password;
    String own;
    String shared;
    String hidden;
    String bookPath;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        member = api.newMember(org, "MEMBER");
        password = Dav.appPassword(mvc, member.token());
        own = api.createdId(json(post("/api/v1/contacts"), member.token(), """
                {"name":"王小明","mobile":"13900139000","emails":[{"address":"wang@example.cn"}]}"""));
        shared = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), """
                {"name":"李四","mobile":"13800138000","emails":[{"address":"lisi@example.cn"}],"shareUserIds":["%s"]}""".formatted(member.id())));
        hidden = api.createdId(
                json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"赵六\",\"mobile\":\"13700137000\"}"));
        bookPath = "/dav/addressbooks/" + member.id() + "/contacts/";
    }

    private MockHttpServletRequestBuilder asMember(String method, String path, String body) {
        return from(dav(method, path, member.login(), password, body));
    }

    /** A client address of its own, so that failed attempts of other tests do not count against it. */
    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
        String address = "10.22." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private Document multistatus(MockHttpServletRequestBuilder request) throws Exception {
        return Dav.xml(mvc.perform(request.header("Depth", "1"))
                .andExpect(status().is(207))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private String card(String id) {
        return bookPath + id + ".vcf";
    }

    @Test
    void aClientDiscoversThePrincipalTheHomeAndTheBook() throws Exception {
        mvc.perform(request(HttpMethod.valueOf("PROPFIND"), "/.well-known/carddav"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string(HttpHeaders.LOCATION, "/dav/"));
        mvc.perform(from(request(HttpMethod.OPTIONS, "/dav/")
                        .header(HttpHeaders.AUTHORIZATION, Api.basic(member.login(), password))))
                .andExpect(status().isOk())
                .andExpect(header().string("DAV", "1, 3, addressbook"));

        Document root =
                multistatus(asMember("PROPFIND", "/dav/", Dav.PROPFIND_BOOK).header("Depth", "0"));
        String principal = "/dav/principals/" + member.id() + "/";
        assertThat(Dav.text(root, "DAV:", "current-user-principal")).isEqualTo(principal);

        Document me = multistatus(asMember("PROPFIND", principal, Dav.PROPFIND_BOOK));
        assertThat(Dav.text(me, "urn:ietf:params:xml:ns:carddav", "addressbook-home-set"))
                .isEqualTo("/dav/addressbooks/" + member.id() + "/");

        Document home = multistatus(asMember("PROPFIND", "/dav/addressbooks/" + member.id() + "/", Dav.PROPFIND_BOOK));
        assertThat(Dav.hrefs(home, "200")).contains(bookPath);
        assertThat(home.getElementsByTagNameNS("urn:ietf:params:xml:ns:carddav", "addressbook")
                        .getLength())
                .isEqualTo(1);

        Document contacts = multistatus(asMember("PROPFIND", bookPath, Dav.PROPFIND_BOOK));
        assertThat(Dav.hrefs(contacts, "200")).containsExactlyInAnyOrder(bookPath, card(own), card(shared));
        assertThat(Dav.text(contacts, "DAV:", "sync-token")).startsWith("urn:liaison:sync:");
        assertThat(Dav.text(contacts, "DAV:", "supported-report-set")).isNotNull();
        assertThat(contacts.getElementsByTagNameNS("DAV:", "sync-collection").getLength())
                .isEqualTo(1);

        // another member's book is nobody's to this member
        mvc.perform(asMember("PROPFIND", "/dav/addressbooks/" + org.adminId() + "/contacts/", Dav.PROPFIND_BOOK))
                .andExpect(status().isNotFound());
    }

    @Test
    void cardsComeAsVcard3Or4WithAnEtagAndMaskedAsTheContactPageShowsThem() throws Exception {
        var get3 = mvc.perform(asMember("GET", card(shared), ""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, Matchers.startsWith("text/vcard")))
                .andReturn()
                .getResponse();
        String vcard3 = get3.getContentAsString();
        assertThat(vcard3).contains("VERSION:3.0", "FN:李四", "+86 138****8000", "l***@example.cn");
        assertThat(vcard3).doesNotContain("13800138000", "lisi@example.cn");
        String etag = get3.getHeader(HttpHeaders.ETAG);
        mvc.perform(asMember("GET", card(shared), "").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());

        String vcard4 = mvc.perform(
                        asMember("GET", card(shared), "").header(HttpHeaders.ACCEPT, "text/vcard; version=4.0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(vcard4).contains("VERSION:4.0", "+86 138****8000").doesNotContain("13800138000");

        String multiget = mvc.perform(asMember(
                        "REPORT",
                        bookPath,
                        Dav.multiget(
                                List.of(card(own), card(hidden)),
                                "<card:address-data content-type=\"text/vcard\" version=\"4.0\"/>")))
                .andExpect(status().is(207))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document answer = Dav.xml(multiget);
        assertThat(Dav.hrefs(answer, "200")).containsExactly(card(own));
        assertThat(Dav.hrefs(answer, "404")).containsExactly(card(hidden));
        assertThat(Dav.text(answer, "urn:ietf:params:xml:ns:carddav", "address-data"))
                .contains("VERSION:4.0", "13900139000", "wang@example.cn");

        mvc.perform(asMember("GET", card(hidden), "")).andExpect(status().isNotFound());
    }

    @Test
    void aQueryFiltersByNameEmailOrPhone() throws Exception {
        String query = """
                <card:addressbook-query xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
                  <d:prop><d:getetag/></d:prop>
                  <card:filter test="anyof"><card:prop-filter name="FN">
                    <card:text-match collation="i;unicode-casemap" match-type="contains">小明</card:text-match>
                  </card:prop-filter></card:filter>
                </card:addressbook-query>""";
        assertThat(Dav.hrefs(multistatus(asMember("REPORT", bookPath, query)), "200"))
                .containsExactly(card(own));
        String byMail = query.replace("name=\"FN\"", "name=\"EMAIL\"").replace("小明", "EXAMPLE.CN");
        assertThat(Dav.hrefs(multistatus(asMember("REPORT", bookPath, byMail)), "200"))
                .containsExactlyInAnyOrder(card(own), card(shared));
        String all = "<card:addressbook-query xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
                + "<d:prop><d:getetag/></d:prop><card:filter/></card:addressbook-query>";
        assertThat(Dav.hrefs(multistatus(asMember("REPORT", bookPath, all)), "200"))
                .containsExactlyInAnyOrder(card(own), card(shared));
    }

    @Test
    void onlyAnAppPasswordOpensTheBookAndItOpensNothingElse() throws Exception {
        mvc.perform(from(dav("PROPFIND", bookPath, member.login(), member.password(), "")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, Matchers.startsWith("Basic")));
        mvc.perform(from(dav("PROPFIND", bookPath, member.login(), member.token(), "")))
                .andExpect(status().isUnauthorized());
        mvc.perform(from(request(HttpMethod.valueOf("PROPFIND"), bookPath)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())))
                .andExpect(status().isUnauthorized());
        mvc.perform(from(request(HttpMethod.valueOf("PROPFIND"), bookPath))).andExpect(status().isUnauthorized());
        mvc.perform(as(get("/api/v1/me"), password)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, Api.basic(member.login(), password)))
                .andExpect(status().isUnauthorized());
        mvc.perform(asMember("PROPFIND", bookPath, "")).andExpect(status().is(207));

        String tokens = mvc.perform(as(get("/api/v1/tokens"), member.token()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(tokens, "$.items[?(@.scope == 'carddav')].id");
        mvc.perform(as(delete("/api/v1/tokens/" + ids.get(0)), member.token())).andExpect(status().isNoContent());
        mvc.perform(asMember("PROPFIND", bookPath, "")).andExpect(status().isUnauthorized());
    }

    @Test
    void failedAppPasswordsCountAgainstTheLoginLimits() throws Exception {
        String address = "10.23." + ThreadLocalRandom.current().nextInt(256) + ".9";
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 7; i++) {
            int status = mvc.perform(dav("PROPFIND", bookPath, member.login(), "wrong-" + i, "")
                            .with(r -> {
                                r.setRemoteAddr(address);
                                return r;
                            }))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            refused += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(5);
        assertThat(throttled).isEqualTo(2);
        // even the right app password waits now, from that client
        mvc.perform(dav("PROPFIND", bookPath, member.login(), password, "").with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void theBookNeverHoldsAContactTheMemberCannotSeeEvenWithTheTagFilter() throws Exception {
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"通讯录\",\"color\":\"#1E88E5\"}"));
        String tag = api.createdId(
                json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"全员\"}"));
        api.answer(
                json(patch("/api/v1/contacts/" + hidden), org.adminToken(), "{\"tagIds\":[\"" + tag + "\"]}")
                        .contentType("application/merge-patch+json"),
                200);
        book.saveTagIds(members.actor(UUID.fromString(org.adminId())).orElseThrow(), List.of(UUID.fromString(tag)));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = ?::uuid AND action = ?")
                        .params(org.id(), "organization.address-book-tags-changed")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        List<String> inBook = Dav.hrefs(multistatus(asMember("PROPFIND", bookPath, Dav.PROPFIND_BOOK)), "200");
        String list = mvc.perform(as(get("/api/v1/contacts?limit=100"), member.token()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> seen = JsonPath.read(list, "$.items[*].id");
        assertThat(inBook).doesNotContain(card(hidden)).hasSize(seen.size() + 1);
        seen.forEach(id -> assertThat(inBook).contains(card(id)));

        // the administrator sees every contact: the tagged one is in their book, the untagged one of theirs too
        String adminPassword = Dav.appPassword(mvc, org.adminToken());
        List<String> adminBook = Dav.hrefs(
                multistatus(from(dav(
                        "PROPFIND",
                        "/dav/addressbooks/" + org.adminId() + "/contacts/",
                        org.adminLogin(),
                        adminPassword,
                        Dav.PROPFIND_BOOK))),
                "200");
        assertThat(adminBook).contains("/dav/addressbooks/" + org.adminId() + "/contacts/" + hidden + ".vcf");
        assertThat(adminBook).doesNotContain("/dav/addressbooks/" + org.adminId() + "/contacts/" + own + ".vcf");
    }

    @Test
    void syncCollectionReportsChangedAndRemovedCardsSinceAToken() throws Exception {
        Document first = multistatus(asMember("REPORT", bookPath, Dav.sync("")));
        assertThat(Dav.hrefs(first, "200")).containsExactlyInAnyOrder(card(own), card(shared));
        String token = Dav.text(first, "DAV:", "sync-token");

        Document nothing = multistatus(asMember("REPORT", bookPath, Dav.sync(token)));
        assertThat(Dav.hrefs(nothing, "")).isEmpty();
        assertThat(Dav.text(nothing, "DAV:", "sync-token")).isEqualTo(token);

        api.answer(
                json(patch("/api/v1/contacts/" + own), member.token(), "{\"title\":\"经理\"}")
                        .contentType("application/merge-patch+json"),
                200);
        api.answer(
                json(patch("/api/v1/contacts/" + shared), org.adminToken(), "{\"shareUserIds\":[]}")
                        .contentType("application/merge-patch+json"),
                200);
        Document changes = multistatus(asMember("REPORT", bookPath, Dav.sync(token)));
        assertThat(Dav.hrefs(changes, "200")).containsExactly(card(own));
        assertThat(Dav.hrefs(changes, "404")).containsExactly(card(shared));
        String next = Dav.text(changes, "DAV:", "sync-token");
        assertThat(next).isNotEqualTo(token);

        mvc.perform(asMember("REPORT", bookPath, Dav.sync("urn:liaison:sync:999999")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("valid-sync-token")));
        jdbc.sql("UPDATE dav_card SET changed_at = now() - interval '31 days' WHERE member_id = ?::uuid AND removed")
                .param(member.id())
                .update();
        mvc.perform(asMember("REPORT", bookPath, Dav.sync(token))).andExpect(status().isForbidden());
        mvc.perform(asMember("REPORT", bookPath, Dav.sync(next))).andExpect(status().is(207));
    }

    /**
     * The address book's own authorization matrix (the matrix of issue 4 covers /api only): for each
     * of the four roles in a department, the book holds exactly the contacts the contact API lists
     * for that member that are theirs (a department share here) or carry a book tag; never one the
     * API hides. A member of another organization reaches none of them.
     */
    @Test
    void eachRoleGetsExactlyTheVisibleContactsThatAreItsOwnOrTagged() throws Exception {
        String hq = api.newDepartment(org, "HQ", null);
        String sales = api.newDepartment(org, "Sales", hq);
        String east = api.newDepartment(org, "East", sales);
        String readOnly = api.newRole(org, "Read only", "DEPT_TREE");
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"Book\",\"color\":\"#1E88E5\"}"));
        String tag = api.createdId(
                json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"All\"}"));
        book.saveTagIds(members.actor(UUID.fromString(org.adminId())).orElseThrow(), List.of(UUID.fromString(tag)));
        List<String> tagged = new java.util.ArrayList<>();
        for (String dept : List.of(hq, sales, east)) {
            Api.Person owner = api.newMember(org, "MEMBER", dept);
            tagged.add(api.createdId(json(post("/api/v1/contacts"), owner.token(), """
                    {"name":"Tagged %s","tagIds":["%s"]}""".formatted(dept, tag))));
            api.createdId(json(post("/api/v1/contacts"), owner.token(), "{\"name\":\"Plain " + dept + "\"}"));
        }
        String deptShared = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), """
                {"name":"Shared to sales","shareDeptIds":["%s"]}""".formatted(sales)));
        Api.Org other = api.newOrg();
        Api.Person stranger = api.newMember(other, "ADMIN");
        String strangerPassword = Dav.appPassword(mvc, stranger.token());

        for (String role : List.of("ADMIN", "MANAGER", "MEMBER", readOnly)) {
            Api.Person person = api.newMember(org, role, sales);
            String personPassword = Dav.appPassword(mvc, person.token());
            String path = "/dav/addressbooks/" + person.id() + "/contacts/";
            List<String> inBook = Dav.hrefs(
                    multistatus(from(dav("PROPFIND", path, person.login(), personPassword, Dav.PROPFIND_BOOK))), "200");
            String list = mvc.perform(as(get("/api/v1/contacts?limit=100"), person.token()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> visible = JsonPath.read(list, "$.items[*].id");
            List<String> expected = new java.util.ArrayList<>(List.of(path));
            visible.stream()
                    .filter(id -> tagged.contains(id) || id.equals(deptShared))
                    .forEach(id -> expected.add(path + id + ".vcf"));
            assertThat(inBook).as(role).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(inBook).as(role).hasSizeGreaterThan(1);

            mvc.perform(from(dav(
                            "GET",
                            "/dav/addressbooks/" + stranger.id() + "/contacts/" + deptShared + ".vcf",
                            stranger.login(),
                            strangerPassword,
                            "")))
                    .andExpect(status().isNotFound());
            mvc.perform(from(dav("PROPFIND", path, stranger.login(), strangerPassword, "")))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void theBookIsReadOnly() throws Exception {
        mvc.perform(asMember("PUT", card(own), "BEGIN:VCARD\r\nEND:VCARD\r\n"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("need-privileges")));
        mvc.perform(asMember("DELETE", card(own), "")).andExpect(status().isForbidden());
        mvc.perform(asMember("PROPPATCH", bookPath, "")).andExpect(status().isForbidden());
        mvc.perform(asMember("GET", card(own), "")).andExpect(status().isOk());
    }
}
