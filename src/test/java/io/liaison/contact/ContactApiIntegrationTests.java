package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class ContactApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org acme;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        acme = api.newOrg();
    }

    String create(String token, String body) throws Exception {
        String response = mvc.perform(json(post("/api/v1/contacts"), token, body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void createsAContactWithNormalisedNumbersAndReadsItBack() throws Exception {
        String body = """
                {"name":"张三","mobile":"138 0013 8000","company":"上海贸易","title":"采购经理",
                 "phones":[{"label":"office","number":"+86 21 6123 4567"}],
                 "emails":[{"label":"work","address":"Zhang.San@Example.CN"}],
                 "gender":"male","birthday":"1985-03-02","externalIds":{"crm":"C-1001"}}
                """;
        String id = create(acme.adminToken(), body);

        mvc.perform(as(get("/api/v1/contacts/" + id), acme.adminToken()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.mobile").value("+8613800138000"))
                .andExpect(jsonPath("$.phones[0].number").value("+862161234567"))
                .andExpect(jsonPath("$.emails[0].address").value("zhang.san@example.cn"))
                .andExpect(jsonPath("$.ownerId").value(acme.adminId()))
                .andExpect(jsonPath("$.source").value("api"))
                .andExpect(jsonPath("$.externalIds.crm").value("C-1001"));
        mvc.perform(as(get("/api/v1/contacts?externalId=crm:C-1001"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        mvc.perform(json(post("/api/v1/contacts"), acme.adminToken(), """
                        {"name":"","mobile":"12345","emails":[{"address":"nope"}],"gender":"robot",
                         "birthday":"2999-01-01","ownerId":"0190a5d2-0000-7000-8000-000000000000","colour":"red"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        mvc.perform(json(post("/api/v1/contacts"), acme.adminToken(), """
                        {"name":"","mobile":"12345","emails":[{"address":"nope"}],"gender":"robot",
                         "birthday":"2999-01-01"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("mobile")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("emails[0].address")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("gender")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("birthday")));
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        acme.adminToken(),
                        "{\"name\":\"X\",\"ownerId\":\"0190a5d2-0000-7000-8000-000000000000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
    }

    @Test
    void theDuplicateGuardNamesTheExistingContactUnlessAllowed() throws Exception {
        String first = create(acme.adminToken(), "{\"name\":\"李四\",\"mobile\":\"13900139000\"}");
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        acme.adminToken(),
                        "{\"name\":\"Li Si\",\"mobile\":\"+86 139 0013 9000\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/duplicate-contact"))
                .andExpect(jsonPath("$.detail", containsString(first)));

        Api.Person member = api.newMember(acme, "MEMBER");
        mvc.perform(json(post("/api/v1/contacts"), member.token(), "{\"name\":\"Li Si\",\"mobile\":\"13900139000\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/duplicate-contact-hidden"))
                .andExpect(jsonPath("$.detail", not(containsString(first))))
                .andExpect(jsonPath("$.detail", containsString("boss")));

        create(member.token(), "{\"name\":\"Li Si\",\"mobile\":\"13900139000\",\"allowDuplicate\":true}");
        String other = create(acme.adminToken(), "{\"name\":\"王五\",\"emails\":[{\"address\":\"w@x.cn\"}]}");
        mvc.perform(json(patch("/api/v1/contacts/" + other), acme.adminToken(), "{\"mobile\":\"13900139000\"}"))
                .andExpect(status().isConflict());
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        acme.adminToken(),
                        "{\"name\":\"W\",\"emails\":[{\"address\":\"W@X.cn\"}]}"))
                .andExpect(status().isConflict());
    }

    @Test
    void externalIdsAreUniquePerSource() throws Exception {
        create(acme.adminToken(), "{\"name\":\"A\",\"externalIds\":{\"crm\":\"1\",\"wecom\":\"w1\"}}");
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        acme.adminToken(),
                        "{\"name\":\"B\",\"externalIds\":{\"crm\":\"1\"}}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/external-id-taken"));
        create(acme.adminToken(), "{\"name\":\"B\",\"externalIds\":{\"dingtalk\":\"1\"}}");
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndIfMatchGuardsLostUpdates() throws Exception {
        String id = create(
                acme.adminToken(),
                "{\"name\":\"赵六\",\"company\":\"Old Co\",\"title\":\"CEO\",\"customFields\":{},\"externalIds\":{\"crm\":\"9\"}}");
        mvc.perform(json(patch("/api/v1/contacts/" + id), acme.adminToken(), "{\"company\":\"New Co\",\"title\":null}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.name").value("赵六"))
                .andExpect(jsonPath("$.company").value("New Co"))
                .andExpect(jsonPath("$.title").value(nullValue()))
                .andExpect(jsonPath("$.externalIds.crm").value("9"));
        mvc.perform(json(patch("/api/v1/contacts/" + id), acme.adminToken(), "{\"company\":\"Lost\"}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(json(patch("/api/v1/contacts/" + id), acme.adminToken(), "{\"externalIds\":{\"crm\":null}}"))
                .andExpect(jsonPath("$.externalIds.crm").doesNotExist());
        mvc.perform(as(get("/api/v1/contacts/" + id + "/timeline"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].kind").value("updated"))
                .andExpect(jsonPath("$.items[1].kind").value("updated"))
                .andExpect(jsonPath("$.items[1].data.changes[0].field").value("company"))
                .andExpect(jsonPath("$.items[1].data.changes[0].before").value("Old Co"))
                .andExpect(jsonPath("$.items[1].data.changes[0].after").value("New Co"))
                .andExpect(jsonPath("$.items[2].kind").value("created"));
        String first = mvc.perform(as(get("/api/v1/contacts/" + id + "/timeline?limit=2"), acme.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(as(
                        get("/api/v1/contacts/" + id + "/timeline?limit=2&cursor="
                                + JsonPath.read(first, "$.nextCursor")),
                        acme.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("created"))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOnce() throws Exception {
        String body = "{\"name\":\"Retry\",\"mobile\":\"13700137000\"}";
        String first = mvc.perform(
                        json(post("/api/v1/contacts"), acme.adminToken(), body).header("Idempotency-Key", "k-1"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(json(post("/api/v1/contacts"), acme.adminToken(), body).header("Idempotency-Key", "k-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")));
        mvc.perform(json(post("/api/v1/contacts"), acme.adminToken(), "{\"name\":\"Other\"}")
                        .header("Idempotency-Key", "k-1"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(as(get("/api/v1/contacts/count?q=Retry"), acme.adminToken()))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.exact").value(true));
    }

    @Test
    void deleteMovesToTheTrashAndRestoreBringsEverythingBack() throws Exception {
        String dept = api.newDepartment(acme, "Sales", null);
        Api.Person member = api.newMember(acme, "MEMBER");
        String groups = mvc.perform(as(get("/api/v1/tag-groups"), acme.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tag = JsonPath.read(groups, "$.items[0].tags[0].id");
        String id = create(acme.adminToken(), """
                {"name":"钱七","mobile":"13600136000","emails":[{"address":"q@q.cn"}],"shareUserIds":["%s"],
                 "shareDeptIds":["%s"],"externalIds":{"crm":"77"},"remark":"VIP","tagIds":["%s"]}
                """.formatted(member.id(), dept, tag));
        mvc.perform(json(
                        post("/api/v1/contacts/" + id + "/follow-ups"),
                        acme.adminToken(),
                        "{\"type\":\"call\",\"content\":\"报价\"}"))
                .andExpect(status().isCreated());
        String before = mvc.perform(as(get("/api/v1/contacts/" + id), acme.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        mvc.perform(as(delete("/api/v1/contacts/" + id), acme.adminToken())).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/contacts/" + id), acme.adminToken())).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/contacts"), acme.adminToken()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(as(get("/api/v1/trash/contacts"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].trashedBy").value(acme.adminId()));

        mvc.perform(as(post("/api/v1/contacts/" + id + "/restore"), acme.adminToken()))
                .andExpect(status().isOk());
        String after = mvc.perform(as(get("/api/v1/contacts/" + id), acme.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String field : new String[] {
            "$.mobile",
            "$.emails",
            "$.shareUserIds",
            "$.shareDeptIds",
            "$.externalIds",
            "$.remark",
            "$.tagIds",
            "$.lastContactedAt"
        }) {
            assertThat((Object) JsonPath.read(after, field)).isEqualTo(JsonPath.read(before, field));
        }
        mvc.perform(as(get("/api/v1/contacts/" + id + "/follow-ups"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].content").value("报价"));
        mvc.perform(as(get("/api/v1/contacts/" + id + "/timeline"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].kind").value("restored"))
                .andExpect(jsonPath("$.items[1].kind").value("trashed"));
    }

    @Test
    void aPlainMemberSeesWhatTheyFollowAndWhatIsSharedWithThemOrTheirDepartment() throws Exception {
        String sales = api.newDepartment(acme, "Sales", null);
        Api.Person member = api.newMember(acme, "MEMBER", sales);
        Api.Person other = api.newMember(acme, "MEMBER");
        String own = create(member.token(), "{\"name\":\"Mine\"}");
        String hidden = create(acme.adminToken(), "{\"name\":\"Secret\",\"mobile\":\"13500135000\"}");
        String shared = create(acme.adminToken(), "{\"name\":\"Shared\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        String byDept = create(acme.adminToken(), "{\"name\":\"ByDept\",\"shareDeptIds\":[\"" + sales + "\"]}");

        mvc.perform(as(get("/api/v1/contacts?limit=200"), member.token()))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(hidden))));
        mvc.perform(as(get("/api/v1/contacts/count"), member.token()))
                .andExpect(jsonPath("$.count").value(3));
        mvc.perform(as(get("/api/v1/contacts?q=Secret"), member.token()))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(as(get("/api/v1/contacts?q=13500135000"), member.token()))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(as(get("/api/v1/contacts/" + hidden), member.token())).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/contacts/" + hidden + "/timeline"), member.token()))
                .andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/contacts/" + hidden), member.token(), "{\"name\":\"X\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/contacts/" + hidden), member.token())).andExpect(status().isNotFound());

        mvc.perform(as(get("/api/v1/contacts/" + shared), member.token())).andExpect(status().isOk());
        mvc.perform(as(get("/api/v1/contacts/" + byDept), member.token())).andExpect(status().isOk());
        mvc.perform(json(patch("/api/v1/contacts/" + shared), member.token(), "{\"name\":\"X\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(patch("/api/v1/contacts/" + own), member.token(), "{\"remark\":\"mine\"}"))
                .andExpect(status().isOk());
        mvc.perform(as(get("/api/v1/contacts"), other.token()))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        member.token(),
                        "{\"name\":\"For other\",\"ownerId\":\"" + other.id() + "\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherOrganizationsContactsAndReferencesAreInvisible() throws Exception {
        Api.Org globex = api.newOrg();
        String theirs = create(globex.adminToken(), "{\"name\":\"Globex contact\"}");
        String theirDept = api.newDepartment(globex, "G", null);
        mvc.perform(as(get("/api/v1/contacts/" + theirs), acme.adminToken())).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/contacts/" + theirs), acme.adminToken(), "{\"name\":\"Mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(post("/api/v1/contacts/" + theirs + "/restore"), acme.adminToken()))
                .andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/contacts"), acme.adminToken()))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        acme.adminToken(),
                        "{\"name\":\"X\",\"shareUserIds\":[\"" + globex.adminId() + "\"],\"shareDeptIds\":[\""
                                + theirDept + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("shareUserIds")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("shareDeptIds")));
        mvc.perform(as(get("/api/v1/contacts/" + theirs), globex.adminToken()))
                .andExpect(jsonPath("$.name").value("Globex contact"));
    }

    @Test
    void listsPageByCursorInTheAskedOrderAndFilter() throws Exception {
        for (String name : new String[] {"Cc", "Aa", "Bb", "Dd", "Ee"}) {
            create(
                    acme.adminToken(),
                    "{\"name\":\"" + name + "\",\"company\":\"" + (name.equals("Bb") ? "Big" : "Small") + "\"}");
        }
        String page1 = mvc.perform(as(get("/api/v1/contacts?sort=name&limit=2"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("Aa"))
                .andExpect(jsonPath("$.items[1].name").value("Bb"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String cursor = JsonPath.read(page1, "$.nextCursor");
        create(acme.adminToken(), "{\"name\":\"Ab\"}");
        mvc.perform(as(get("/api/v1/contacts?sort=name&limit=2&cursor=" + cursor), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("Cc"))
                .andExpect(jsonPath("$.items[1].name").value("Dd"));
        mvc.perform(as(get("/api/v1/contacts?sort=-name&limit=1"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("Ee"));
        mvc.perform(as(get("/api/v1/contacts?company=big"), acme.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1));
        // A header named like a filter (as a proxy might add) filters nothing: filters come from the query string.
        mvc.perform(as(get("/api/v1/contacts?sort=name&limit=2"), acme.adminToken())
                        .header("company", "big")
                        .header("q", "Ee"))
                .andExpect(jsonPath("$.items[0].name").value("Aa"))
                .andExpect(jsonPath("$.items[1].name").value("Ab"));
        mvc.perform(as(get("/api/v1/contacts?createdAfter=yesterday&tagId=red&tagId=blue"), acme.adminToken())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("tagId"))
                .andExpect(jsonPath("$.errors[1].field").value("createdAfter"))
                .andExpect(jsonPath("$.errors[1].message").value("类型不正确"));
        mvc.perform(as(get("/api/v1/contacts?sort=colour"), acme.adminToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(as(get("/api/v1/contacts?sort=-updatedAt&cursor=" + cursor), acme.adminToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }
}
