package io.liaison.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liaison.TestDatabase;
import io.liaison.client.generated.ApiClient;
import io.liaison.client.generated.ApiException;
import io.liaison.client.generated.api.ChangeControllerApi;
import io.liaison.client.generated.api.ContactControllerApi;
import io.liaison.client.generated.api.ContactSyncControllerApi;
import io.liaison.client.generated.api.OrganizationControllerApi;
import io.liaison.client.generated.api.TagGroupControllerApi;
import io.liaison.client.generated.api.TokenControllerApi;
import io.liaison.client.generated.model.ContactInput;
import io.liaison.client.generated.model.ContactPatch;
import io.liaison.client.generated.model.ContactResponse;
import io.liaison.client.generated.model.CreateOrganizationRequest;
import io.liaison.client.generated.model.CreateTagGroupRequest;
import io.liaison.client.generated.model.CreateTagRequest;
import io.liaison.client.generated.model.CreateTokenRequest;
import io.liaison.client.generated.model.Problem;
import io.liaison.client.generated.model.Tag;
import io.liaison.client.generated.model.TagGroup;
import io.liaison.client.generated.model.TimelineEntry;
import io.liaison.identity.Api;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration written against the Java client that openapi-generator makes from the committed
 * OpenAPI document (java, native HTTP client; see pom.xml), driving Liaison over HTTP with nothing but
 * that client: a token, tags, a contact with them, a filtered list, a patch with If-Match and the
 * timeline; and the sync of issue 22. The client reads answers strictly, so a field Liaison sends that the document lacks fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class GeneratedClientIntegrationTests {

    private static final String PASSWORD = "generated client password";

    @LocalServerPort
    int port;

    @Test
    void anIntegrationCreatesFindsPatchesAndFollowsAContactThroughTheGeneratedClient() throws Exception {
        String system = token("default/admin", TestDatabase.ADMIN_PASSWORD);
        String login = Api.unique("client");
        String org = new OrganizationControllerApi(client(bearer(system)))
                .organizationCreate(new CreateOrganizationRequest()
                        .name(Api.unique("Client"))
                        .locale(CreateOrganizationRequest.LocaleEnum.ZH_CN)
                        .adminLogin(login)
                        .adminPassword(PASSWORD))
                .getCode();
        ApiClient api = client(bearer(token(org + "/" + login, PASSWORD)));

        TagGroupControllerApi tagGroups = new TagGroupControllerApi(api);
        TagGroup region = tagGroups.tagGroupCreate(
                new CreateTagGroupRequest().name("地区").color("#1E88E5").exclusive(false));
        Tag eastChina = tagGroups.tagGroupCreateTag(region.getId(), new CreateTagRequest().name("华东"));
        List<TagGroup> groups = tagGroups.tagGroupList().getItems();
        Tag customer = groups.stream()
                .flatMap(group -> group.getTags().stream())
                .filter(tag -> tag.getName().equals("客户"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no default tag 客户 in " + groups));

        ContactControllerApi contacts = new ContactControllerApi(api);
        ContactResponse wangFang = contacts.contactCreate(
                newContact("王芳", "杭州丝绸", "13912345678", List.of(customer.getId(), eastChina.getId())), null);
        contacts.contactCreate(newContact("王建国", "杭州丝绸", "13987654321", List.of(customer.getId())), null);
        assertThat(wangFang.getTagIds()).containsExactlyInAnyOrder(customer.getId(), eastChina.getId());
        assertThat(wangFang.getMobile()).isEqualTo("+8613912345678");

        assertThat(names(contacts, "王", List.of())).containsExactlyInAnyOrder("王芳", "王建国");
        assertThat(names(contacts, null, List.of(eastChina.getId()))).containsExactly("王芳");
        assertThat(names(contacts, "wjg", List.of(customer.getId()))).containsExactly("王建国");

        var read = contacts.contactGetWithHttpInfo(wangFang.getId());
        String etag = read.getHeaders().get("ETag").get(0);
        ContactResponse patched = contacts.contactUpdate(wangFang.getId(), companyPatch("杭州丝绸集团"), etag);
        assertThat(patched.getCompany()).isEqualTo("杭州丝绸集团");
        assertThat(patched.getVersion()).isGreaterThan(read.getData().getVersion());

        ApiException stale = catchThrowableOfType(
                ApiException.class, () -> contacts.contactUpdate(wangFang.getId(), companyPatch("上海丝绸"), etag));
        assertThat(stale.getCode()).isEqualTo(412);
        Problem problem = api.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo("/problems/stale-version");
        assertThat(problem.getTitle()).isEqualTo("记录已被他人修改");
        assertThat(contacts.contactGet(wangFang.getId()).getCompany()).isEqualTo("杭州丝绸集团");

        List<TimelineEntry> timeline =
                contacts.contactTimeline(wangFang.getId(), null, null).getItems();
        assertThat(timeline)
                .extracting(TimelineEntry::getKind)
                .containsExactly(TimelineEntry.KindEnum.UPDATED, TimelineEntry.KindEnum.CREATED);
        assertThat(timeline.get(0).getData())
                .isEqualTo(Map.of("changes", List.of(Map.of("field", "company", "before", "杭州丝绸", "after", "杭州丝绸集团"))));
    }

    /**
     * The sync scenario of issue 22 through the client alone: a contact created by its CRM id with
     * PUT, changed with PUT and If-Match, and both changes read back from the change feed in order.
     */
    @Test
    void aCrmCreatesAndPatchesAContactByItsIdAndReadsBothChangesFromTheFeed() throws Exception {
        String system = token("default/admin", TestDatabase.ADMIN_PASSWORD);
        String login = Api.unique("sync");
        String org = new OrganizationControllerApi(client(bearer(system)))
                .organizationCreate(new CreateOrganizationRequest()
                        .name(Api.unique("Sync"))
                        .locale(CreateOrganizationRequest.LocaleEnum.ZH_CN)
                        .adminLogin(login)
                        .adminPassword(PASSWORD))
                .getCode();
        ApiClient api = client(bearer(token(org + "/" + login, PASSWORD)));
        ContactSyncControllerApi sync = new ContactSyncControllerApi(api);
        ChangeControllerApi changes = new ChangeControllerApi(api);
        String start = changes.changeList(null, 1000).getNext();

        var created = sync.contactSyncPutWithHttpInfo(
                "crm", "C-1001", new ContactPatch().name("张三").company("上海贸易"), null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        String etag = created.getHeaders().get("ETag").get(0);
        UUID id = created.getData().getId();
        assertThat(created.getData().getSource()).isEqualTo("sync");

        var again = sync.contactSyncPutWithHttpInfo(
                "crm", "C-1001", new ContactPatch().name("张三").company("上海贸易"), null);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getHeaders().get("ETag")).containsExactly(etag);

        ContactResponse patched = sync.contactSyncPut("crm", "C-1001", new ContactPatch().title("采购经理"), etag);
        assertThat(patched.getTitle()).isEqualTo("采购经理");
        assertThat(patched.getCompany()).isEqualTo("上海贸易");
        ApiException stale = catchThrowableOfType(
                ApiException.class, () -> sync.contactSyncPut("crm", "C-1001", new ContactPatch().title("总经理"), etag));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(sync.contactSyncGet("crm", "C-1001").getTitle()).isEqualTo("采购经理");

        List<String> types = new ArrayList<>();
        String since = start;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (types.size() < 2 && System.nanoTime() < deadline) {
            var page = changes.changeList(since, 1000);
            page.getItems().stream()
                    .filter(change -> id.equals(change.getResourceId()))
                    .forEach(change -> types.add(change.getType()));
            since = page.getNext();
            if (types.size() < 2) {
                Thread.sleep(100);
            }
        }
        assertThat(types).containsExactly("contact.created", "contact.updated");
    }

    /** The names of the contacts a list with this query and these tags (all of them) returns. */
    private static List<String> names(ContactControllerApi contacts, String q, List<UUID> tagIds) throws ApiException {
        return contacts
                .contactList(
                        q, tagIds, "all", null, null, null, null, null, null, null, null, null, null, null, 50, null)
                .getItems()
                .stream()
                .map(ContactResponse::getName)
                .toList();
    }

    private static ContactInput newContact(String name, String company, String mobile, List<UUID> tagIds) {
        return new ContactInput().name(name).company(company).mobile(mobile).tagIds(tagIds);
    }

    /** A merge patch that changes the company alone: every other field is left out of the body. */
    private static ContactPatch companyPatch(String company) {
        return new ContactPatch().company(company);
    }

    private String token(String login, String password) throws ApiException {
        return new TokenControllerApi(client(Api.basic(login, password)))
                .tokenCreate(new CreateTokenRequest().name("generated client"))
                .getToken();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * A client of this Liaison that sends {@code authorization}, asks for Chinese and fails on fields
     * the document lacks.
     */
    private ApiClient client(String authorization) {
        ObjectMapper strict =
                ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new ApiClient(HttpClient.newBuilder(), strict, "http://localhost:" + port)
                .setRequestInterceptor(request ->
                        request.header("Authorization", authorization).header("Accept-Language", "zh-CN"));
    }
}
