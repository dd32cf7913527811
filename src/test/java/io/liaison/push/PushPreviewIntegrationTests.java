package io.liaison.push;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The composer's preview ({@code POST /api/v1/pushes/preview}): as many as the live count says will
 * receive the push, and its rendering for a few of them or for the contact chosen, as e-mail and as
 * Markdown; a contact the sender does not see is not found, one outside the audience is refused.
 */
@LiaisonIntegrationTest
class PushPreviewIntegrationTests {

    @Autowired
    MockMvc mvc;

    PushWorld w;
    String zhang;
    String li;
    String untagged;
    String hidden;

    @BeforeEach
    void setUp() throws Exception {
        w = new PushWorld(mvc);
        zhang = w.contact(w.sender, "张三", "zhang.san@customer.example", true);
        li = w.contact(w.sender, "李四", null, true);
        untagged = w.contact(w.sender, "赵六", "zhao@customer.example", false);
        hidden = w.contact(w.other, "王五", "wang@customer.example", true);
    }

    @Test
    void thePreviewCountsWhomTheReachSendsToAndRendersForThem() throws Exception {
        String reach = w.api.answer(
                json(post("/api/v1/pushes/reach"), w.sender.token(), "{\"filter\":{\"tagIds\":[\"" + w.vip + "\"]}}"),
                200);
        String preview = preview(null, "{{name}}，新品到了", "你好，**{{name}}**！\\n\\n- 第一条", 200);

        assertThat(JsonPath.<Integer>read(preview, "$.count"))
                .isEqualTo(JsonPath.<Integer>read(reach, "$.contacts.queued"))
                .as("张三 only: 李四 has no e-mail, 王五 is not the sender's to see")
                .isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(preview, "$.samples[*].contactName"))
                .containsExactly("张三");
        assertThat(JsonPath.<String>read(preview, "$.samples[0].contactId")).isEqualTo(zhang);
        assertThat(JsonPath.<String>read(preview, "$.samples[0].rendered.subject"))
                .isEqualTo("张三，新品到了");
        assertThat(JsonPath.<String>read(preview, "$.samples[0].rendered.markdown"))
                .isEqualTo("你好，**张三**！\n\n- 第一条");
        assertThat(JsonPath.<String>read(preview, "$.samples[0].rendered.html"))
                .contains("<strong>张三</strong>", "<li>第一条</li>");
        assertThat(JsonPath.<String>read(preview, "$.samples[0].rendered.text"))
                .contains("你好，张三！")
                .doesNotContain("**");
        assertThat(preview).doesNotContain("王五", "李四");
        assertThat(JsonPath.<Object>read(preview, "$.groups"))
                .as("no group or robot")
                .isNull();
    }

    @Test
    void aChosenContactOfTheAudienceIsPreviewedEvenWhenItWillBeSkipped() throws Exception {
        String preview = preview(li, "{{name}}，新品到了", "你好，{{name}}", 200);

        assertThat(JsonPath.<Integer>read(preview, "$.count")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(preview, "$.samples[*].contactName"))
                .containsExactly("李四");
        assertThat(JsonPath.<String>read(preview, "$.samples[0].rendered.text")).isEqualTo("你好，李四");
    }

    @Test
    void aContactTheSenderDoesNotSeeIsNotFoundAndOneOutsideTheAudienceIsRefused() throws Exception {
        String notSeen = preview(hidden, "你好", "{{name}}", 404);
        assertThat(notSeen).doesNotContain("王五");

        String outside = preview(untagged, "你好", "{{name}}", 422);
        assertThat(JsonPath.<String>read(outside, "$.type")).endsWith("/push-preview-not-in-audience");
        assertThat(JsonPath.<String>read(outside, "$.title")).isEqualTo("不在接收范围内");
        assertThat(outside).doesNotContain("赵六");
    }

    @Test
    void aSavedTemplateIsPreviewedAndAnUnknownVariableOrNoContentIsABadRequest() throws Exception {
        String template = w.api.createdId(json(
                post("/api/v1/push-templates"),
                w.sender.token(),
                "{\"name\":\"新品模板\",\"subject\":\"{{name}}，你好\",\"body\":\"{{company|贵公司}}的新品\"}"));
        String byTemplate = w.api.answer(
                json(post("/api/v1/pushes/preview"), w.sender.token(), """
                        {"audience":{"filter":{"tagIds":["%s"]}},"templateId":"%s"}
                        """.formatted(w.vip, template)), 200);
        assertThat(JsonPath.<String>read(byTemplate, "$.samples[0].rendered.subject"))
                .isEqualTo("张三，你好");
        assertThat(JsonPath.<String>read(byTemplate, "$.samples[0].rendered.text"))
                .isEqualTo("贵公司的新品");

        assertThat(preview(null, "{{nickname}}", "你好", 400)).contains("nickname");
        w.api.answer(json(post("/api/v1/pushes/preview"), w.sender.token(), """
                        {"audience":{"filter":{"tagIds":["%s"]}}}
                        """.formatted(w.vip)), 400);
        w.api.answer(json(post("/api/v1/pushes/preview"), w.other.token(), """
                        {"audience":{"filter":{}},"content":{"subject":"你好","body":"你好"}}
                        """), 403);
    }

    private String preview(String contactId, String subject, String body, int expected) throws Exception {
        String contact = contactId == null ? "" : ",\"contactId\":\"" + contactId + "\"";
        return w.api.answer(
                json(post("/api/v1/pushes/preview"), w.sender.token(), """
                        {"audience":{"filter":{"tagIds":["%s"]}},"content":{"subject":"%s","body":"%s"}%s}
                        """.formatted(w.vip, subject, body, contact))
                        .header("Accept-Language", "zh-CN"),
                expected);
    }
}
