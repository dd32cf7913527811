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
    SearchRequests calls;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        calls = new SearchRequests(api, org);
    }

    @Test
    void oneQueryRanksEveryTierInOrder() throws Exception {
        calls.add("{\"name\":\"Dan\"}");
        calls.add("{\"name\":\"艾宁\"}");
        calls.add("{\"name\":\"孙七\",\"company\":\"Lantern Ltd\"}");
        calls.add("{\"name\":\"安娜\"}");
        calls.add("{\"name\":\"Anna\"}");
        calls.add("{\"name\":\"An\"}");
        calls.add("{\"name\":\"王五\"}");

        // exact name, name prefix, pinyin prefix (an-na), initials (a-n), substring (d-an), company
        assertThat(calls.names("an")).containsExactly("An", "Anna", "安娜", "艾宁", "Dan", "孙七");
        assertThat(calls.count("an")).isEqualTo(6);
    }

    @Test
    void chineseCharactersMatchAnywhereInTheNameBestFirst() throws Exception {
        calls.add("{\"name\":\"孙七\",\"company\":\"张三科技有限公司\"}");
        calls.add("{\"name\":\"小张三\"}");
        calls.add("{\"name\":\"张三丰\"}");
        calls.add("{\"name\":\"张三\"}");
        calls.add("{\"name\":\"欧阳娜娜\"}");

        assertThat(calls.names("张三")).containsExactly("张三", "张三丰", "小张三", "孙七");
        assertThat(calls.names("张")).containsExactly("张三丰", "张三", "小张三", "孙七");
        assertThat(calls.names("欧阳")).containsExactly("欧阳娜娜");
        assertThat(calls.names("娜")).containsExactly("欧阳娜娜");
        assertThat(calls.names("阳娜")).containsExactly("欧阳娜娜");
    }

    @Test
    void fullPinyinWithOrWithoutSpacesAndTonesAndInitials() throws Exception {
        calls.add("{\"name\":\"张三\"}");
        calls.add("{\"name\":\"张珊\"}");
        calls.add("{\"name\":\"赵四\"}");
        calls.add("{\"name\":\"李明朗\"}");
        calls.add("{\"name\":\"刘美玲\"}");
        calls.add("{\"name\":\"欧阳娜娜\"}");

        for (String q : List.of("zhangsan", "zhang san", "Zhāng Sān", "ZHANGSAN")) {
            assertThat(calls.names(q)).as(q).containsExactly("张三");
        }
        assertThat(calls.names("zhangs")).containsExactly("张三", "张珊");
        assertThat(calls.names("ouyangnana")).containsExactly("欧阳娜娜");
        assertThat(calls.names("oynn")).containsExactly("欧阳娜娜");
        assertThat(calls.names("zs")).containsExactly("张三", "张珊", "赵四");
        // Same initials: both, the one contacted last first.
        assertThat(calls.names("lml")).containsExactly("李明朗", "刘美玲");
        calls.followUp(calls.idOf("刘美玲"));
        assertThat(calls.names("lml")).containsExactly("刘美玲", "李明朗");
    }

    @Test
    void surnamesAreReadAsSurnames() throws Exception {
        calls.add("{\"name\":\"曾国藩\"}");
        calls.add("{\"name\":\"单田芳\"}");
        calls.add("{\"name\":\"区志强\"}");
        calls.add("{\"name\":\"解缙\"}");
        calls.add("{\"name\":\"欧阳修\"}");

        assertThat(calls.names("zengguofan")).containsExactly("曾国藩");
        assertThat(calls.names("zgf")).containsExactly("曾国藩");
        assertThat(calls.names("cengguofan")).isEmpty();
        assertThat(calls.names("shantianfang")).containsExactly("单田芳");
        assertThat(calls.names("dantianfang")).isEmpty();
        assertThat(calls.names("xiejin")).containsExactly("解缙");
        assertThat(calls.names("ouzhiqiang")).containsExactly("区志强");
        assertThat(calls.names("ouyang")).containsExactly("欧阳修");
        assertThat(calls.names("ou")).containsExactlyInAnyOrder("区志强", "欧阳修");
    }

    @Test
    void otherFieldsMatchAfterNames() throws Exception {
        calls.add("{\"name\":\"周杰\",\"mobile\":\"13812348000\",\"company\":\"华为技术有限公司\","
                + "\"emails\":[{\"address\":\"jay.zhou@example.cn\"}],\"remark\":\"喜欢打高尔夫，周末有空\"}");
        calls.add("{\"name\":\"陈华\"}");

        assertThat(calls.names("2348")).containsExactly("周杰");
        assertThat(calls.names("138 1234 8000")).containsExactly("周杰");
        assertThat(calls.names("jay.z")).containsExactly("周杰");
        assertThat(calls.names("技术")).containsExactly("周杰");
        assertThat(calls.names("高尔夫")).containsExactly("周杰");
        // a name match before a company match
        assertThat(calls.names("华")).containsExactly("陈华", "周杰");
        assertThat(calls.names("1234567")).isEmpty();
    }

    /** The start of an address is a range of the prefix index: what sorts inside it but starts otherwise stays out. */
    @Test
    void anEmailIsFoundByItsStartOnly() throws Exception {
        List<String> names = List.of("甲", "乙", "丙", "丁", "戊");
        List<String> addresses =
                List.of("li.ming@example.cn", "li@example.cn", "lia@example.cn", "lj@example.cn", "ali@example.cn");
        for (int i = 0; i < names.size(); i++) {
            calls.add("{\"name\":\"" + names.get(i) + "\",\"emails\":[{\"address\":\"" + addresses.get(i) + "\"}]}");
        }

        assertThat(calls.names("li")).containsExactlyInAnyOrder("甲", "乙", "丙");
        assertThat(calls.names("li@")).containsExactly("乙");
        assertThat(calls.names("li.")).containsExactly("甲");
        assertThat(calls.names("lia@example.cn")).containsExactly("丙");
        assertThat(calls.names("lj@")).containsExactly("丁");
        assertThat(calls.names("li_")).isEmpty();
        assertThat(calls.names("li%")).isEmpty();
        assertThat(calls.names("LI@EXAMPLE")).containsExactly("乙");
        assertThat(calls.count("li")).isEqualTo(3);
    }

    @Test
    void aMaskedViewerFindsByCompleteNumberOrAddressOnly() throws Exception {
        Api.Person owner = api.newMember(org, "MEMBER");
        Api.Person colleague = api.newMember(org, "MEMBER");
        calls.add(
                owner.token(),
                "{\"name\":\"周杰\",\"mobile\":\"13812348000\",\"emails\":[{\"address\":\"jay.zhou@example.cn\"}],"
                        + "\"shareUserIds\":[\"" + colleague.id() + "\"]}");

        assertThat(calls.names(owner.token(), "2348")).containsExactly("周杰");
        assertThat(calls.names(owner.token(), "jay")).containsExactly("周杰");
        assertThat(calls.names(colleague.token(), "2348")).isEmpty();
        assertThat(calls.names(colleague.token(), "jay")).isEmpty();
        assertThat(calls.count(colleague.token(), "2348")).isZero();
        assertThat(calls.suggested(colleague.token(), "2348")).isEmpty();
        assertThat(calls.names(colleague.token(), "13812348000")).containsExactly("周杰");
        assertThat(calls.names(colleague.token(), "jay.zhou@example.cn")).containsExactly("周杰");
        // the administrator sees it masked too but holds the reveal right, so a fragment finds it (issue 16)
        assertThat(calls.names("2348")).containsExactly("周杰");
        assertThat(calls.names("jay")).containsExactly("周杰");
        assertThat(calls.names("+86 138 1234 8000")).containsExactly("周杰");
    }

    @Test
    void aMemberFindsOnlyWhatTheyMaySee() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person other = api.newMember(org, "MEMBER");
        calls.add(member.token(), "{\"name\":\"张一\"}");
        calls.add(other.token(), "{\"name\":\"张二\"}");
        calls.add(other.token(), "{\"name\":\"张三\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        calls.add(other.token(), "{\"name\":\"孙四\",\"company\":\"张氏集团\"}");
        calls.add("{\"name\":\"张四\"}");

        assertThat(calls.names(member.token(), "张")).containsExactly("张一", "张三");
        assertThat(calls.names(member.token(), "zh")).containsExactly("张一", "张三");
        assertThat(calls.count(member.token(), "张")).isEqualTo(2);
        assertThat(calls.suggested(member.token(), "张"))
                .extracting(s -> s.get("name"))
                .containsExactly("张一", "张三");
        assertThat(calls.names("张")).containsExactly("张一", "张二", "张三", "张四", "孙四");
        // other fields too: own and shared contacts with the company word, not a colleague's
        calls.add(member.token(), "{\"name\":\"周五\",\"company\":\"星河科技\"}");
        calls.add(other.token(), "{\"name\":\"吴六\",\"company\":\"星河物流\"}");
        calls.add(other.token(), "{\"name\":\"郑七\",\"company\":\"星河贸易\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        assertThat(calls.names(member.token(), "星河")).containsExactlyInAnyOrder("周五", "郑七");
        assertThat(calls.count(member.token(), "星河")).isEqualTo(2);
        assertThat(calls.names("星河")).containsExactlyInAnyOrder("周五", "吴六", "郑七");
        // another organization's contacts never
        Api.Org otherOrg = api.newOrg();
        assertThat(calls.names(otherOrg.adminToken(), "张")).isEmpty();
    }

    @Test
    void pagesFollowTheRankingWithoutGapsOrRepeats() throws Exception {
        List<String> all = new ArrayList<>();
        for (String name : List.of("张甲", "张乙", "张丙", "小张", "老张", "张", "张丁")) {
            calls.add("{\"name\":\"" + name + "\"}");
        }
        calls.add("{\"name\":\"赵六\",\"company\":\"张记\"}");
        calls.add("{\"name\":\"赵七\",\"company\":\"张家\"}");
        String expected = String.join(",", calls.names("张"));
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
        calls.add("{\"name\":\"张乙\",\"tagIds\":[\"" + tag + "\"]}");
        calls.add("{\"name\":\"张甲\"}");
        calls.add("{\"name\":\"张丙\",\"tagIds\":[\"" + tag + "\"]}");

        assertThat(calls.namesWith("张", "tagId", tag)).containsExactly("张乙", "张丙");
        assertThat(calls.count(org.adminToken(), "张", "tagId", tag)).isEqualTo(2);
        assertThat(calls.namesWith("张", "sort", "name")).containsExactly("张丙", "张甲", "张乙");
    }

    /**
     * About 16 name key rows and 40 word key rows a contact: an edit keeps the name keys unless the
     * name or the owner changed, the word keys unless the company, remark, phones or owner changed.
     */
    @Test
    void keysAreRewrittenOnlyWhenTheNameOrTheOwnerChanged() throws Exception {
        String id = calls.add("{\"name\":\"张三\",\"company\":\"华为\",\"mobile\":\"13812348000\"}");
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
        assertThat(calls.names("展会")).containsExactly("张三");
        words = wordVersions(id);

        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"mobile\":\"13900001111\"}"), 200);
        assertThat(keyVersions(id)).isEqualTo(written);
        assertThat(wordVersions(id)).isNotEqualTo(words);
        assertThat(calls.names("0000111")).containsExactly("张三");
        assertThat(calls.names("2348000")).isEmpty();

        Api.Person seller = api.newMember(org, "MEMBER");
        api.answer(
                json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"ownerId\":\"" + seller.id() + "\"}"), 200);
        List<String> handedOver = keyVersions(id);
        assertThat(handedOver).isNotEqualTo(written);
        assertThat(calls.names(seller.token(), "zs")).containsExactly("张三");
        assertThat(calls.names(seller.token(), "华为")).containsExactly("张三");
        words = wordVersions(id);

        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"name\":\"张三丰\"}"), 200);
        assertThat(keyVersions(id)).isNotEqualTo(handedOver);
        assertThat(wordVersions(id)).isEqualTo(words);
        assertThat(calls.names(seller.token(), "zsf")).containsExactly("张三丰");
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
        String id = calls.add("{\"name\":\"张三\"}");
        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"name\":\"李四\"}"), 200);
        assertThat(calls.names("zs")).isEmpty();
        assertThat(calls.names("ls")).containsExactly("李四");

        api.answer(as(delete("/api/v1/contacts/" + id), org.adminToken()), 204);
        assertThat(calls.names("李四")).isEmpty();
        assertThat(calls.count("李四")).isZero();

        api.answer(as(post("/api/v1/contacts/" + id + "/restore"), org.adminToken()), 200);
        assertThat(calls.names("lisi")).containsExactly("李四");
    }

    @Test
    void suggestionsSayWhereTheyMatched() throws Exception {
        calls.add("{\"name\":\"张三\",\"company\":\"华为\",\"mobile\":\"13812348000\"}");
        calls.add("{\"name\":\"陈五\",\"company\":\"张江高科\"}");

        assertThat(calls.suggested(org.adminToken(), "张三")).singleElement().satisfies(s -> {
            assertThat(s.get("name")).isEqualTo("张三");
            assertThat(s.get("company")).isEqualTo("华为");
            assertThat(s.get("matched")).isEqualTo("name");
        });
        assertThat(calls.suggested(org.adminToken(), "zhang"))
                .extracting(s -> s.get("matched"))
                .containsExactly("pinyin");
        assertThat(calls.suggested(org.adminToken(), "zs"))
                .extracting(s -> s.get("matched"))
                .containsExactly("initials");
        assertThat(calls.suggested(org.adminToken(), "张"))
                .extracting(s -> s.get("matched"))
                .containsExactly("name", "company");
        assertThat(calls.suggested(org.adminToken(), "2348"))
                .extracting(s -> s.get("matched"))
                .containsExactly("mobile");
        assertThat(api.answer(as(get("/api/v1/contacts/suggest").param("q", " "), org.adminToken()), 400))
                .contains("q");
    }

    @Test
    void suggestionsStopAtTen() throws Exception {
        for (int i = 0; i < 12; i++) {
            calls.add("{\"name\":\"王" + "一二三四五六七八九十甲乙".charAt(i) + "\"}");
        }
        assertThat(calls.suggested(org.adminToken(), "wang")).hasSize(10);
        assertThat(calls.count("wang")).isEqualTo(12);
    }
}
