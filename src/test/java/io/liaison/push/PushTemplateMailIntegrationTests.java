package io.liaison.push;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.channel.delivery.Drain;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A push whose subject and body use the contact's name, company, owner and a custom field reaches each
 * contact by e-mail rendered for them, Chinese intact (subject and both parts, UTF-8); a value the
 * contact lacks gives the variable's fallback, or nothing where none is written.
 */
class PushTemplateMailIntegrationTests extends PushMailTest {

    @Test
    void eachContactReadsTheirOwnValuesAndFallbacksInChinese() throws Exception {
        PushWorld w = new PushWorld(mvc);
        w.api.createdId(json(post("/api/v1/custom-fields"), w.org.adminToken(), """
                {"key":"industry","label":"行业","type":"text"}"""));
        String owner = JsonPath.read(w.api.answer(as(get("/api/v1/me"), w.sender.token()), 200), "$.displayName");
        contact(w, "张三", "zhang.san@customer.example", "\"company\":\"星辰科技\",\"customFields\":{\"industry\":\"零售\"}");
        contact(w, "李四", "li.si@customer.example", "\"customFields\":{}");

        String push = w.push(
                w.sender.token(),
                "{{name}}，{{company}}的专属优惠",
                "{{ name }}你好：\\n\\n{{company|贵公司}}所在的{{field.industry|各个}}行业{{field.industry}}，"
                        + "新品八折。\\n\\n—— {{owner.name}}",
                List.of(),
                201);
        String done = w.send(context, w.sender.token(), push);
        Drain.now(context);
        assertThat(JsonPath.<Integer>read(
                        w.api.answer(as(get("/api/v1/pushes/" + push), w.sender.token()), 200), "$.counts.sent"))
                .as(done)
                .isEqualTo(2);

        Map<String, MimeMessage> mails = new HashMap<>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            mails.put(mail.getAllRecipients()[0].toString(), mail);
        }
        assertThat(mails).containsOnlyKeys("zhang.san@customer.example", "li.si@customer.example");
        MimeMessage zhang = mails.get("zhang.san@customer.example");
        MimeMessage li = mails.get("li.si@customer.example");

        assertThat(zhang.getSubject()).isEqualTo("张三，星辰科技的专属优惠");
        assertThat(li.getSubject()).as("no company and no fallback: nothing").isEqualTo("李四，的专属优惠");
        assertThat(zhang.getHeader("Subject")[0])
                .as("the subject travels encoded")
                .startsWithIgnoringCase("=?UTF-8?");
        assertThat(text(zhang))
                .contains("张三你好：", "星辰科技所在的零售行业零售，新品八折。", "—— " + owner)
                .doesNotContain("{{", "}}", "null");
        assertThat(text(li))
                .contains("李四你好：", "贵公司所在的各个行业，新品八折。", "—— " + owner)
                .doesNotContain("{{", "}}", "null", "星辰科技", "零售");
        assertThat(zhang.getContentType()).startsWith("multipart/");
        assertThat(parts(zhang))
                .as("plain text and HTML, both UTF-8")
                .allSatisfy(type -> assertThat(type).containsIgnoringCase("charset=UTF-8"));
    }

    private static void contact(PushWorld w, String name, String email, String more) throws Exception {
        w.api.createdId(json(post("/api/v1/contacts"), w.sender.token(), """
                {"name":"%s","emails":[{"address":"%s"}],"tagIds":["%s"],%s}
                """.formatted(name, email, w.vip, more)));
    }

    private static List<String> parts(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            List<String> types = new java.util.ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                types.addAll(parts(multipart.getBodyPart(i)));
            }
            return types;
        }
        return List.of(part.getContentType());
    }
}
