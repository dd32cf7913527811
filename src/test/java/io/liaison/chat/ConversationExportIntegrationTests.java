package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A group's owner and admins export its history, in their own zone and language; every export is audited. */
@LiaisonIntegrationTest
class ConversationExportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerExportsTheHistoryAsTextOrCsvAndEveryExportIsAudited() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        Api.Person eve = api.newMember(org, "MEMBER");
        api.answer(json(patch("/api/v1/members/" + ann.id()), org.adminToken(), "{\"displayName\":\"王芳\"}"), 200);
        api.answer(json(patch("/api/v1/members/" + bob.id()), org.adminToken(), "{\"displayName\":\"张伟\"}"), 200);
        jdbc.sql("UPDATE member SET time_zone = 'America/New_York' WHERE id = ?")
                .params(UUID.fromString(ann.id()))
                .update();
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "华东客户群", bob.id());
        String base = "/api/v1/conversations/" + id;
        String file = JsonPath.read(
                mvc.perform(multipart("/api/v1/files")
                                .file(new MockMultipartFile("file", "报价单.pdf", "application/pdf", PDF))
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ann.token()))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.id");
        String first = api.answer(
                json(
                        post(base + "/messages"),
                        ann.token(),
                        "{\"text\":\"明天发报价单, 请查收\",\"fileIds\":[\"" + file + "\"]}"),
                201);
        api.answer(json(post(base + "/messages"), ann.token(), "{\"text\":\"=1+1\"}"), 201);
        String recalled = api.createdId(json(post(base + "/messages"), bob.token(), "{\"text\":\"发错了\"}"));
        api.answer(as(post(base + "/messages/" + recalled + "/recall"), bob.token()), 200);
        String shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Instant.parse(JsonPath.read(first, "$.createdAt")).atZone(ZoneId.of("America/New_York")));

        MockHttpServletResponse english =
                streamed(as(get(base + "/export"), ann.token()).header("Accept-Language", "en"));
        assertThat(english.getContentType()).startsWith("text/plain");
        assertThat(english.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment", ".txt");
        String text = english.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("华东客户群: 3 messages, times in America/New_York")
                .contains("[" + shown + "] 王芳\n明天发报价单, 请查收\nFiles: 报价单.pdf\n")
                .contains("] 张伟\n(message recalled)\n")
                .doesNotContain("发错了");
        String chinese = streamed(
                        as(get(base + "/export?format=txt"), ann.token()).header("Accept-Language", "zh-CN"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(chinese).startsWith("华东客户群：共 3 条消息").contains("文件：报价单.pdf", "] 张伟\n（消息已撤回）\n");
        String csv = streamed(as(get(base + "/export?format=csv"), ann.token()).header("Accept-Language", "zh-CN"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList())
                .containsExactly(
                        "\uFEFF序号,时间,发送者,内容,文件,状态",
                        "1," + shown + ",王芳,\"明天发报价单, 请查收\",报价单.pdf,",
                        "2," + csv.lines().toList().get(2).split(",")[1] + ",王芳,'=1+1,,",
                        "3," + csv.lines().toList().get(3).split(",")[1] + ",张伟,,,（消息已撤回）");

        api.answer(as(get(base + "/export"), bob.token()), 403);
        api.answer(as(get(base + "/export"), eve.token()), 404);
        String format =
                api.answer(as(get(base + "/export?format=pdf"), ann.token()).header("Accept-Language", "en"), 400);
        assertThat(format).contains("must be one of txt, csv");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE org_id = ? AND action = 'conversation.exported' AND actor_id = ? AND target_id = ?
                        """)
                        .params(UUID.fromString(org.id()), UUID.fromString(ann.id()), UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        jdbc.sql("UPDATE conversation SET last_seq = 100001 WHERE id = ?")
                .params(UUID.fromString(id))
                .update();
        String tooLarge = api.answer(as(get(base + "/export"), ann.token()).header("Accept-Language", "en"), 422);
        assertThat(tooLarge).contains("This conversation has 100,001 messages; one export holds at most 100,000.");
        String chineseTooLarge =
                api.answer(as(get(base + "/export"), ann.token()).header("Accept-Language", "zh-CN"), 422);
        assertThat(chineseTooLarge).contains("一次导出最多 100,000 条");
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private MockHttpServletResponse streamed(MockHttpServletRequestBuilder call) throws Exception {
        MvcResult started =
                mvc.perform(call).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }
}
