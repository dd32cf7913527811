package io.liaison.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import io.liaison.identity.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An organization of its own for the fuzzing test, made over the API as an integration would: its
 * administrator, a member, members and tokens that may be deactivated and revoked, departments,
 * roles, tags, a custom field, contacts of both, follow-ups, an import and an export; and the ids of
 * each kind, by the path segment that names them, for the requests to refer to.
 */
final class FuzzWorld {

    static final String PASSWORD = "fuzzing password 1";

    final String base;
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final Map<String, List<String>> ids = new HashMap<>();
    final List<String> permissions = new ArrayList<>();
    String adminToken = "";
    String memberToken = "";
    String memberId = "";
    String adminId = "";
    String fieldKey = "";

    FuzzWorld(int port) {
        this.base = "http://localhost:" + port;
    }

    void build() throws Exception {
        String system = token("default/admin", TestDatabase.ADMIN_PASSWORD);
        String adminLogin = Api.unique("fuzz");
        String org = call(
                "POST",
                "/api/v1/orgs",
                system,
                "{\"name\":\"" + Api.unique("Fuzz") + "\",\"locale\":\"zh-CN\",\"adminLogin\":\"" + adminLogin
                        + "\",\"adminPassword\":\"" + PASSWORD + "\"}");
        String code = JsonPath.read(org, "$.code");
        adminId = JsonPath.read(org, "$.admin.id");
        adminToken = token(code + "/" + adminLogin, PASSWORD);

        for (String name : List.of("销售部", "Support")) {
            add("departments", idOf(call("POST", "/api/v1/departments", adminToken, "{\"name\":\"" + name + "\"}")));
        }
        String roles = call("GET", "/api/v1/roles", adminToken, null);
        List<String> builtinPermissions = JsonPath.read(roles, "$.items[?(@.key == 'ADMIN')].permissions[*]");
        permissions.addAll(builtinPermissions);
        add(
                "roles",
                idOf(call(
                        "POST",
                        "/api/v1/roles",
                        adminToken,
                        "{\"name\":\"Readers\",\"dataScope\":\"SELF\",\"permissions\":[\"" + permissions.get(0)
                                + "\"]}")));
        List<String> roleIds = JsonPath.read(roles, "$.items[*].id");
        roleIds.forEach(id -> add("roles", id));

        String memberLogin = Api.unique("m");
        memberId = idOf(call("POST", "/api/v1/members", adminToken, member(memberLogin)));
        memberToken = token(code + "/" + memberLogin, PASSWORD);
        for (int i = 0; i < 3; i++) {
            String victim = Api.unique("v");
            add("members", idOf(call("POST", "/api/v1/members", adminToken, member(victim))));
            add(
                    "tokens",
                    idOf(call("POST", "/api/v1/tokens", token(code + "/" + victim, PASSWORD), "{\"name\":\"x\"}")));
        }

        String groups = call("GET", "/api/v1/tag-groups", adminToken, null);
        List<String> groupIds = JsonPath.read(groups, "$.items[*].id");
        List<String> tagIds = JsonPath.read(groups, "$.items[*].tags[*].id");
        groupIds.forEach(id -> add("tag-groups", id));
        tagIds.forEach(id -> add("tags", id));
        fieldKey = "industry";
        add(
                "custom-fields",
                idOf(call(
                        "POST",
                        "/api/v1/custom-fields",
                        adminToken,
                        "{\"key\":\"industry\",\"label\":\"行业\",\"type\":\"text\"}")));

        for (int i = 0; i < 8; i++) {
            String owner = i % 2 == 0 ? adminId : memberId;
            String contact = idOf(call(
                    "POST",
                    "/api/v1/contacts",
                    adminToken,
                    "{\"name\":\"客户" + i + "\",\"mobile\":\"+861390000" + (1000 + i) + "\",\"company\":\"上海贸易\","
                            + "\"ownerId\":\"" + owner + "\",\"tagIds\":[\"" + tagIds.get(i % tagIds.size()) + "\"]}"));
            add("contacts", contact);
            add(
                    "follow-ups",
                    idOf(call(
                            "POST",
                            "/api/v1/contacts/" + contact + "/follow-ups",
                            adminToken,
                            "{\"type\":\"call\",\"content\":\"谈了价格\"}")));
        }
        add("exports", idOf(call("POST", "/api/v1/exports", adminToken, "{\"format\":\"csv\"}")));
        add("imports", importJob());
    }

    private String member(String login) {
        return "{\"login\":\"" + login + "\",\"displayName\":\"成员 " + login + "\",\"role\":\"MEMBER\",\"password\":\""
                + PASSWORD + "\",\"departmentIds\":[\"" + ids.get("departments").get(0) + "\"]}";
    }

    private String importJob() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "multipart/form-data; boundary=" + FuzzRequests.BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                FuzzRequests.multipart("people.csv", FuzzRequests.CSV, Map.of("dryRun", "true"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return idOf(response.body());
    }

    private void add(String kind, String id) {
        ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
    }

    /** The ids of the kind a path segment names ({@code contacts}, {@code tag-groups}, ...). */
    List<String> idsOf(String segment) {
        return ids.getOrDefault(segment, List.of());
    }

    String token(String login, String password) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                        .header("Authorization", Api.basic(login, password))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"fuzz\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.token");
    }

    private String call(String method, String path, String token, @Nullable String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response.body();
    }

    private static String idOf(String body) {
        return JsonPath.read(body, "$.id");
    }
}
