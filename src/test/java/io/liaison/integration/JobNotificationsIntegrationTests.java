package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** The end of an import or export reaches its starter's notifications once, with its counts. */
@LiaisonIntegrationTest
class JobNotificationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportRunner importRunner;

    @Autowired
    ExportRunner exportRunner;

    @Test
    void anImportAndAnExportTellTheirStarterHowTheyEnded() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person member = api.newMember(org, "ADMIN");
        byte[] csv = "姓名,手机\n张三,13800138000\n李四,13900139000\n".getBytes(StandardCharsets.UTF_8);
        String job = new Imports(mvc, importRunner).importFile(member.token(), "客户.csv", csv, Map.of());
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("completed");
        importRunner.run(UUID.fromString(JsonPath.read(job, "$.id")), () -> false);

        String export = api.answer(json(post("/api/v1/exports"), member.token(), "{\"format\":\"csv\"}"), 202);
        exportRunner.run(UUID.fromString(JsonPath.read(export, "$.id")));

        String mine = api.answer(
                as(get("/api/v1/notifications"), member.token()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), 200);
        assertThat((List<String>) JsonPath.read(mine, "$.items[*].kind"))
                .as("once each, the import run again after its end included")
                .containsExactly("export-finished", "import-finished");
        assertThat((List<String>) JsonPath.read(mine, "$.items[*].title"))
                .containsExactly("你的 CSV 导出已完成", "客户.csv 导入完成");
        assertThat((List<String>) JsonPath.read(mine, "$.items[*].body"))
                .containsExactly("共 2 行。", "新建 2，更新 0，未变 0，跳过 0，失败 0。");
        assertThat(api.answer(as(get("/api/v1/notifications/count"), org.adminToken()), 200))
                .isEqualTo("{\"count\":0}");
    }
}
