package io.liaison.contact.search;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Search on a hand-made address book: every kind of match, the ranking order (exact name, name
 * prefix, pinyin prefix, initials prefix, name substring, other fields; the most recently contacted
 * first within each), pages, count, suggestions, and what a member may see.
 */
@LiaisonIntegrationTest
class SearchIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ContactSearch search;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void oneQueryRanksEveryTierInOrder() throws Exception {
        add("{\"name\":\"Dan\"}");
        add("{\"name\":\"艾宁\"}");
        add("{\"name\":\"孙七\",\"company\":\"Lantern Ltd\"}");
        add("{\"name\":\"安娜\"}");
        add("{\"name\":\"Anna\"}");
        add("{\"name\":\"An\"}");
        add("{\"name\":\"王五\"}");

        // exact name, name prefix, pinyin prefix (an-na), initials (a-n), substring (d-an), company
        assertThat(names("an")).containsExactly("An", "Anna", "安娜", "艾宁", "Dan", "孙七");
        assertThat(count("an")).isEqualTo(6);
    }

    @Test
    void chineseCharactersMatchAnywhereInTheNameBestFirst() throws Exception {
        add("{\"name\":\"孙七\",\"company\":\"张三科技有限公司\"}");
        add("{\"name\":\"小张三\"}");
        add("{\"name\":\"张三丰\"}");
        add("{\"name\":\"张三\"}");
        add("{\"name\":\"欧阳娜娜\"}");

        assertThat(names("张三")).containsExactly("张三", "张三丰", "小张三", "孙七");
        assertThat(names("张")).containsExactly("张三丰", "张三", "小张三", "孙七");
        assertThat(names("欧阳")).containsExactly("欧阳娜娜");
        assertThat(names("娜")).containsExactly("欧阳娜娜");
        assertThat(names("阳娜")).containsExactly("欧阳娜娜");
    }

    @Test
    void fullPinyinWithOrWithoutSpacesAndTonesAndInitials() throws Exception {
        add("{\"name\":\"张三\"}");
        add("{\"name\":\"张珊\"}");
        add("{\"name\":\"赵四\"}");
        add("{\"name\":\"李明朗\"}");
        add("{\"name\":\"刘美玲\"}");
        add("{\"name\":\"欧阳娜娜\"}");

        for (String q : List.of("zhangsan", "zhang san", "Zhāng Sān", "ZHANGSAN")) {
            assertThat(names(q)).as(q).containsExactly("张三");
        }
        assertThat(names("zhangs")).containsExactly("张三", "张珊");
        assertThat(names("ouyangnana")).containsExactly("欧阳娜娜");
        assertThat(names("oynn")).containsExactly("欧阳娜娜");
        assertThat(names("zs")).containsExactly("张三", "张珊", "赵四");
        // Same initials: both, the one contacted last first.
        assertThat(names("lml")).containsExactly("李明朗", "刘美玲");
        followUp(idOf("刘美玲"));
        assertThat(names("lml")).containsExactly("刘美玲", "李明朗");
    }

    @Test
    void surnamesAreReadAsSurnames() throws Exception {
        add("{\"name\":\"曾国藩\"}");
        add("{\"name\":\"单田芳\"}");
        add("{\"name\":\"区志强\"}");
        add("{\"name\":\"解缙\"}");
        add("{\"name\":\"欧阳修\"}");

        assertThat(names("zengguofan")).containsExactly("曾国藩");
        assertThat(names("zgf")).containsExactly("曾国藩");
        assertThat(names("cengguofan")).isEmpty();
        assertThat(names("shantianfang")).containsExactly("单田芳");
        assertThat(names("dantianfang")).isEmpty();
        assertThat(names("xiejin")).containsExactly("解缙");
        assertThat(names("ouzhiqiang")).containsExactly("区志强");
        assertThat(names("ouyang")).containsExactly("欧阳修");
        assertThat(names("ou")).containsExactlyInAnyOrder("区志强", "欧阳修");
    }

    @Test
    void otherFieldsMatchAfterNames() throws Exception {
        add("{\"name\":\"周杰\",\"mobile\":\"13812348000\",\"company\":\"华为技术有限公司\","
                + "\"emails\":[{\"address\":\"jay.zhou@example.cn\"}],\"remark\":\"喜欢打高尔夫，周末有空\"}");
        add("{\"name\":\"陈华\"}");

        assertThat(names("2348")).containsExactly("周杰");
        assertThat(names("138 1234 8000")).containsExactly("周杰");
        assertThat(names("jay.z")).containsExactly("周杰");
        assertThat(names("技术")).containsExactly("周杰");
        assertThat(names("高尔夫")).containsExactly("周杰");
        // a name match before a company match
        assertThat(names("华")).containsExactly("陈华", "周杰");
        assertThat(names("1234567")).isEmpty();
    }

    @Test
    void aMaskedViewerFindsByCompleteNumberOrAddressOnly() throws Exception {
        Api.Person owner = api.newMember(org, "MEMBER");
        Api.Person colleague = api.newMember(org, "MEMBER");
        add(
                owner.token(),
                "{\"name\":\"周杰\",\"mobile\":\"13812348000\",\"emails\":[{\"address\":\"jay.zhou@example.cn\"}],"
                        + "\"shareUserIds\":[\"" + colleague.id() + "\"]}");

        assertThat(names(owner.token(), "2348")).containsExactly("周杰");
        assertThat(names(owner.token(), "jay")).containsExactly("周杰");
        assertThat(names(colleague.token(), "2348")).isEmpty();
        assertThat(names(colleague.token(), "jay")).isEmpty();
        assertThat(count(colleague.token(), "2348")).isZero();
        assertThat(suggested(colleague.token(), "2348")).isEmpty();
        assertThat(names(colleague.token(), "13812348000")).containsExactly("周杰");
        assertThat(names(colleague.token(), "jay.zhou@example.cn")).containsExactly("周杰");
        // the administrator sees it masked too but holds the reveal right, so a fragment finds it (issue 16)
        assertThat(names("2348")).containsExactly("周杰");
        assertThat(names("jay")).containsExactly("周杰");
        assertThat(names("+86 138 1234 8000")).containsExactly("周杰");
    }

    @Test
    void aMemberFindsOnlyWhatTheyMaySee() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person other = api.newMember(org, "MEMBER");
        add(member.token(), "{\"name\":\"张一\"}");
        add(other.token(), "{\"name\":\"张二\"}");
        add(other.token(), "{\"name\":\"张三\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        add(other.token(), "{\"name\":\"孙四\",\"company\":\"张氏集团\"}");
        add("{\"name\":\"张四\"}");

        assertThat(names(member.token(), "张")).containsExactly("张一", "张三");
        assertThat(names(member.token(), "zh")).containsExactly("张一", "张三");
        assertThat(count(member.token(), "张")).isEqualTo(2);
        assertThat(suggested(member.token(), "张"))
                .extracting(s -> s.get("name"))
                .containsExactly("张一", "张三");
        assertThat(names("张")).containsExactly("张一", "张二", "张三", "张四", "孙四");
        // other fields too: own and shared contacts with the company word, not a colleague's
        add(member.token(), "{\"name\":\"周五\",\"company\":\"星河科技\"}");
        add(other.token(), "{\"name\":\"吴六\",\"company\":\"星河物流\"}");
        add(other.token(), "{\"name\":\"郑七\",\"company\":\"星河贸易\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        assertThat(names(member.token(), "星河")).containsExactlyInAnyOrder("周五", "郑七");
        assertThat(count(member.token(), "星河")).isEqualTo(2);
        assertThat(names("星河")).containsExactlyInAnyOrder("周五", "吴六", "郑七");
        // another organization's contacts never
        Api.Org otherOrg = api.newOrg();
        assertThat(names(otherOrg.adminToken(), "张")).isEmpty();
    }

    @Test
    void pagesFollowTheRankingWithoutGapsOrRepeats() throws Exception {
        List<String> all = new ArrayList<>();
        for (String name : List.of("张甲", "张乙", "张丙", "小张", "老张", "张", "张丁")) {
            add("{\"name\":\"" + name + "\"}");
        }
        add("{\"name\":\"赵六\",\"company\":\"张记\"}");
        add("{\"name\":\"赵七\",\"company\":\"张家\"}");
        String expected = String.join(",", names("张"));
        String cursor = null;
        do {
            var request = get("/api/v1/contacts").param("q", "张").param("limit", "2");
            String body =
                    api.answer(as(cursor == null ? request : request.param("cursor", cursor), org.adminToken()), 200);
            all.addAll(JsonPath.read(body, "$.items[*].name"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        assertThat(String.join(",", all)).isEqualTo(expected);
        assertThat(all).hasSize(9).startsWith("张").endsWith("赵六", "赵七");
    }

    @Test
    void searchCombinesWithFiltersAndAnExplicitSort() throws Exception {
        String tag = JsonPath.read(
                api.answer(as(get("/api/v1/tag-groups"), org.adminToken()), 200), "$.items[0].tags[0].id");
        add("{\"name\":\"张乙\",\"tagIds\":[\"" + tag + "\"]}");
        add("{\"name\":\"张甲\"}");
        add("{\"name\":\"张丙\",\"tagIds\":[\"" + tag + "\"]}");

        assertThat(namesWith("张", "tagId", tag)).containsExactly("张乙", "张丙");
        assertThat(count(org.adminToken(), "张", "tagId", tag)).isEqualTo(2);
        assertThat(namesWith("张", "sort", "name")).containsExactly("张丙", "张甲", "张乙");
    }

    /**
     * About 16 name key rows and 40 word key rows a contact: an edit keeps the name keys unless the
     * name or the owner changed, the word keys unless the company, remark, phones or owner changed.
     */
    @Test
    void keysAreRewrittenOnlyWhenTheNameOrTheOwnerChanged() throws Exception {
        String id = add("{\"name\":\"张三\",\"company\":\"华为\",\"mobile\":\"13812348000\"}");
        List<String> written = keyVersions(id);
        List<String> words = wordVersions(id);
        assertThat(written).isNotEmpty();
        assertThat(words).isNotEmpty();

        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"title\":\"经理\"}"), 200);
        assertThat(keyVersions(id)).isEqualTo(written);
        assertThat(wordVersions(id)).isEqualTo(words);

        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"remark\":\"展会上认识\"}"), 200);
        assertThat(keyVersions(id)).isEqualTo(written);
        assertThat(wordVersions(id)).isNotEqualTo(words);
        assertThat(names("展会")).containsExactly("张三");
        words = wordVersions(id);

        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"mobile\":\"13900001111\"}"), 200);
        assertThat(keyVersions(id)).isEqualTo(written);
        assertThat(wordVersions(id)).isNotEqualTo(words);
        assertThat(names("0000111")).containsExactly("张三");
        assertThat(names("2348000")).isEmpty();

        Api.Person seller = api.newMember(org, "MEMBER");
        api.answer(
                json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"ownerId\":\"" + seller.id() + "\"}"), 200);
        List<String> handedOver = keyVersions(id);
        assertThat(handedOver).isNotEqualTo(written);
        assertThat(names(seller.token(), "zs")).containsExactly("张三");
        assertThat(names(seller.token(), "华为")).containsExactly("张三");
        words = wordVersions(id);

        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"name\":\"张三丰\"}"), 200);
        assertThat(keyVersions(id)).isNotEqualTo(handedOver);
        assertThat(wordVersions(id)).isEqualTo(words);
        assertThat(names(seller.token(), "zsf")).containsExactly("张三丰");
    }

    /** The row versions of a contact's word keys. */
    private List<String> wordVersions(String contactId) {
        return jdbc.sql("SELECT xmin::text FROM contact_word WHERE contact_id = ?::uuid ORDER BY key")
                .param(contactId)
                .query(String.class)
                .list();
    }

    /** The row versions of a contact's name keys: they change only when the keys are written again. */
    private List<String> keyVersions(String contactId) {
        return jdbc.sql("SELECT xmin::text FROM contact_search WHERE contact_id = ?::uuid ORDER BY key, tier")
                .param(contactId)
                .query(String.class)
                .list();
    }

    @Test
    void keysFollowRenamesTrashAndRestore() throws Exception {
        String id = add("{\"name\":\"张三\"}");
        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"name\":\"李四\"}"), 200);
        assertThat(names("zs")).isEmpty();
        assertThat(names("ls")).containsExactly("李四");

        api.answer(as(delete("/api/v1/contacts/" + id), org.adminToken()), 204);
        assertThat(names("李四")).isEmpty();
        assertThat(count("李四")).isZero();

        api.answer(as(post("/api/v1/contacts/" + id + "/restore"), org.adminToken()), 200);
        assertThat(names("lisi")).containsExactly("李四");
    }

    @Test
    void suggestionsSayWhereTheyMatched() throws Exception {
        add("{\"name\":\"张三\",\"company\":\"华为\",\"mobile\":\"13812348000\"}");
        add("{\"name\":\"陈五\",\"company\":\"张江高科\"}");

        assertThat(suggested(org.adminToken(), "张三")).singleElement().satisfies(s -> {
            assertThat(s.get("name")).isEqualTo("张三");
            assertThat(s.get("company")).isEqualTo("华为");
            assertThat(s.get("matched")).isEqualTo("name");
        });
        assertThat(suggested(org.adminToken(), "zhang"))
                .extracting(s -> s.get("matched"))
                .containsExactly("pinyin");
        assertThat(suggested(org.adminToken(), "zs"))
                .extracting(s -> s.get("matched"))
                .containsExactly("initials");
        assertThat(suggested(org.adminToken(), "张"))
                .extracting(s -> s.get("matched"))
                .containsExactly("name", "company");
        assertThat(suggested(org.adminToken(), "2348"))
                .extracting(s -> s.get("matched"))
                .containsExactly("mobile");
        assertThat(api.answer(as(get("/api/v1/contacts/suggest").param("q", " "), org.adminToken()), 400))
                .contains("q");
    }

    @Test
    void suggestionsStopAtTen() throws Exception {
        for (int i = 0; i < 12; i++) {
            add("{\"name\":\"王" + "一二三四五六七八九十甲乙".charAt(i) + "\"}");
        }
        assertThat(suggested(org.adminToken(), "wang")).hasSize(10);
        assertThat(count("wang")).isEqualTo(12);
    }

    private String add(String body) throws Exception {
        return add(org.adminToken(), body);
    }

    private String add(String token, String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), token, body));
    }

    private void followUp(String id) throws Exception {
        api.answer(
                json(
                        post("/api/v1/contacts/" + id + "/follow-ups"),
                        org.adminToken(),
                        "{\"type\":\"call\",\"content\":\"回访\",\"occurredAt\":\"2026-11-20T10:00:00+08:00\"}"),
                201);
    }

    private String idOf(String name) throws Exception {
        List<String> ids = JsonPath.read(
                api.answer(as(get("/api/v1/contacts").param("q", name), org.adminToken()), 200), "$.items[*].id");
        return ids.get(0);
    }

    private List<String> names(String q) throws Exception {
        return names(org.adminToken(), q);
    }

    private List<String> namesWith(String q, String param, String value) throws Exception {
        return JsonPath.read(
                api.answer(as(get("/api/v1/contacts").param("q", q).param(param, value), org.adminToken()), 200),
                "$.items[*].name");
    }

    private List<String> names(String token, String q) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/contacts").param("q", q), token), 200), "$.items[*].name");
    }

    private int count(String q) throws Exception {
        return count(org.adminToken(), q);
    }

    private int count(String token, String q) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/contacts/count").param("q", q), token), 200), "$.count");
    }

    private int count(String token, String q, String param, String value) throws Exception {
        return JsonPath.read(
                api.answer(as(get("/api/v1/contacts/count").param("q", q).param(param, value), token), 200), "$.count");
    }

    private List<Map<String, Object>> suggested(String token, String q) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/contacts/suggest").param("q", q), token), 200), "$.items");
    }
}
