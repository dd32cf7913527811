package io.liaison.contact.search;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Company and remark words and phone fragments, found through the word keys: pages in recency
 * order, a member's own contacts among a colleague's, any of a contact's phone numbers.
 */
@LiaisonIntegrationTest
class WordSearchIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WordKeys wordKeys;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;
    SearchRequests calls;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        calls = new SearchRequests(api, org);
    }

    @Test
    void aCommonCompanyWordIsWalkedInRecencyOrderWithTheSamePages() throws Exception {
        int common = 120;
        for (int i = 0; i < common; i++) {
            calls.add("{\"name\":\"客户" + i + "\",\"company\":\"嘉禾贸易\"}");
        }
        String recent = calls.add("{\"name\":\"王五\",\"company\":\"宁波嘉禾\"}");
        calls.followUp(recent);
        jdbc.sql("ANALYZE contact_word").update();
        // A word of several pairs walks the key of its rarest pair and checks the word on each contact.
        // Which pair is rarest comes from the statistics of the whole table, which other tests' hundreds
        // of thousands of contacts share (their sample may hold none of these pairs): the key walked is
        // one of the word's pairs, and the walk below must find the same contacts whichever it is.
        assertThat(wordKeys.rarest(SearchText.grams("嘉禾宁波")))
                .isIn(SearchText.grams("嘉禾宁波").toArray());
        assertThat(wordKeys.rarest(SearchText.grams("宁波嘉禾")))
                .isIn(SearchText.grams("宁波嘉禾").toArray());

        var request = get("/api/v1/contacts").param("q", "嘉禾").param("limit", "50");
        String first = api.answer(as(request, org.adminToken()), 200);
        List<String> names = JsonPath.read(first, "$.items[*].name");
        assertThat(names).hasSize(50).startsWith("王五", "客户0", "客户1").endsWith("客户48");
        String next = api.answer(
                as(request.param("cursor", (String) JsonPath.read(first, "$.nextCursor")), org.adminToken()), 200);
        assertThat(JsonPath.<List<String>>read(next, "$.items[*].name")).startsWith("客户49", "客户50");
        assertThat(calls.count("嘉禾")).isEqualTo(common + 1);
        assertThat(calls.names("宁波嘉禾")).containsExactly("王五");
        assertThat(calls.names("嘉禾贸")).hasSize(50).doesNotContain("王五");
        assertThat(calls.names("客户7")).first().isEqualTo("客户7");
    }

    /**
     * A member who follows a few of a common word's contacts gets theirs, in recency order and page
     * after page, and those shared with them; never a colleague's.
     */
    @Test
    void aMemberFindsTheirOwnContactsByCompanyAndRemarkWords() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person colleague = api.newMember(org, "MEMBER");
        for (int i = 0; i < 30; i++) {
            calls.add(colleague.token(), "{\"name\":\"同事客户" + i + "\",\"company\":\"星辰科技\",\"remark\":\"年底有采购计划\"}");
        }
        calls.add(member.token(), "{\"name\":\"甲\",\"company\":\"上海星辰科技有限公司\"}");
        String second = calls.add(member.token(), "{\"name\":\"乙\",\"remark\":\"年底有采购计划，星辰的老客户\"}");
        calls.add(member.token(), "{\"name\":\"丙\",\"company\":\"星辰物流\"}");
        calls.add(
                colleague.token(), "{\"name\":\"丁\",\"company\":\"星辰科技\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        calls.followUp(second);

        assertThat(calls.names(member.token(), "星辰")).containsExactly("乙", "甲", "丙", "丁");
        assertThat(calls.names(member.token(), "星辰科技")).containsExactly("甲", "丁");
        assertThat(calls.names(member.token(), "采购计划")).containsExactly("乙");
        assertThat(calls.count(member.token(), "星辰")).isEqualTo(4);
        assertThat(calls.names(colleague.token(), "采购计划")).hasSize(30).doesNotContain("乙");
        assertThat(calls.count(colleague.token(), "采购计划")).isEqualTo(30);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/v1/contacts").param("q", "星辰").param("limit", "1");
            String body =
                    api.answer(as(cursor == null ? request : request.param("cursor", cursor), member.token()), 200);
            paged.addAll(JsonPath.read(body, "$.items[*].name"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly("乙", "甲", "丙", "丁");
    }

    /**
     * Contacts a member sees through a collaboration or a share (to them or their department) are
     * read by id and checked for the word or the digits: found in recency order with the member's
     * own, never trashed ones or those without the word, and a masked number never by a fragment.
     */
    @Test
    void collaborationsAndSharesAreFoundByWordsAndOwnNumbersByFragments() throws Exception {
        String sales = api.newDepartment(org, "销售部", null);
        Api.Person member = api.newMember(org, "MEMBER", sales);
        Api.Person colleague = api.newMember(org, "MEMBER");
        for (int i = 0; i < 25; i++) {
            calls.add(colleague.token(), "{\"name\":\"同事客户" + i + "\",\"company\":\"远航物流\"}");
        }
        String toMember = "\"shareUserIds\":[\"" + member.id() + "\"]";
        calls.add("{\"name\":\"甲\",\"company\":\"远航物流\",\"mobile\":\"13712345678\"," + toMember + "}");
        String second =
                calls.add("{\"name\":\"乙\",\"company\":\"远航贸易\",\"collaboratorIds\":[\"" + member.id() + "\"]}");
        calls.add("{\"name\":\"丙\",\"remark\":\"远航的老客户\",\"shareDeptIds\":[\"" + sales + "\"]}");
        String trashed = calls.add("{\"name\":\"丁\",\"company\":\"远航物流\"," + toMember + "}");
        calls.add("{\"name\":\"戊\",\"company\":\"天马物流\",\"mobile\":\"13712345000\"," + toMember + "}");
        calls.add(member.token(), "{\"name\":\"己\",\"company\":\"远航科技\",\"mobile\":\"13612345999\"}");
        api.answer(as(delete("/api/v1/contacts/" + trashed), org.adminToken()), 204);
        calls.followUp(second);

        assertThat(calls.names(member.token(), "远航")).containsExactly("乙", "甲", "丙", "己");
        assertThat(calls.names(member.token(), "远航物流")).containsExactly("甲");
        assertThat(calls.names(member.token(), "物流")).containsExactly("甲", "戊");
        assertThat(calls.count(member.token(), "远航")).isEqualTo(4);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/v1/contacts").param("q", "远航").param("limit", "1");
            String body =
                    api.answer(as(cursor == null ? request : request.param("cursor", cursor), member.token()), 200);
            paged.addAll(JsonPath.read(body, "$.items[*].name"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly("乙", "甲", "丙", "己");
        // the shared numbers are masked for the member: only their own is found by a fragment
        assertThat(calls.names(member.token(), "12345")).containsExactly("己");
        assertThat(calls.names(member.token(), "2345678")).isEmpty();
        assertThat(calls.names(member.token(), "13712345678")).containsExactly("甲");
        assertThat(calls.names("12345")).containsExactlyInAnyOrder("甲", "戊", "己");
    }

    /** Four to six digits are one key, more are the key of their first six checked on each number. */
    @Test
    void aPhoneFragmentFindsTheContactByAnyOfItsNumbers() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person colleague = api.newMember(org, "MEMBER");
        calls.add(
                member.token(),
                "{\"name\":\"周杰\",\"mobile\":\"13812348000\","
                        + "\"phones\":[{\"label\":\"office\",\"number\":\"+86 21 6123 4567\"}]}");
        calls.add(colleague.token(), "{\"name\":\"陈华\",\"mobile\":\"13912348001\"}");

        for (String q : List.of("2348000", "8000", "138123", "61234", "2161234567", "21-6123-4567")) {
            assertThat(calls.names(member.token(), q)).as(q).containsExactly("周杰");
            assertThat(calls.count(member.token(), q)).as(q).isEqualTo(1);
        }
        assertThat(calls.names("12348")).containsExactlyInAnyOrder("周杰", "陈华");
        assertThat(calls.names("1234800")).containsExactlyInAnyOrder("周杰", "陈华");
        assertThat(calls.names("12348000")).containsExactly("周杰");
        assertThat(calls.names("61234567")).containsExactly("周杰");
        assertThat(calls.names("6123999")).isEmpty();
        // a colleague's contact stays out, and a changed number is found by its new digits only
        assertThat(calls.names(member.token(), "12348")).containsExactly("周杰");
        String id = calls.idOf("周杰");
        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"phones\":[]}"), 200);
        assertThat(calls.names("61234")).isEmpty();
        assertThat(calls.names(member.token(), "8000")).containsExactly("周杰");
    }
}
