package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A reply shows what it quotes: the number, the author's name and the start of the text, or that it was recalled. */
@LiaisonIntegrationTest
class MessageQuotesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void repliesQuoteTheirMessageAsItIsNow() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        api.answer(json(patch("/api/v1/members/" + ann.id()), org.adminToken(), "{\"displayName\":\"王芳\"}"), 200);
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "报价群", bob.id());
        String base = "/api/v1/conversations/" + id + "/messages";
        String longText = "报价".repeat(30) + "\n\n" + "明细见附件 ".repeat(20);
        String first = api.createdId(json(post(base), ann.token(), "{\"text\":\"明天发报价单给王总\"}"));
        String second =
                api.createdId(json(post(base), ann.token(), "{\"text\":\"" + longText.replace("\n", "\\n") + "\"}"));
        String reply =
                api.answer(json(post(base), bob.token(), "{\"text\":\"收到\",\"replyTo\":\"" + first + "\"}"), 201);
        assertThat(JsonPath.<Integer>read(reply, "$.quote.seq")).isEqualTo(1);
        assertThat(JsonPath.<String>read(reply, "$.quote.authorName")).isEqualTo("王芳");
        assertThat(JsonPath.<String>read(reply, "$.quote.excerpt")).isEqualTo("明天发报价单给王总");
        api.answer(json(post(base), bob.token(), "{\"text\":\"太长了\",\"replyTo\":\"" + second + "\"}"), 201);

        api.answer(as(post(base + "/" + first + "/recall"), ann.token()), 200);
        String page = api.answer(as(get(base), bob.token()), 200);
        assertThat(JsonPath.<List<Object>>read(page, "$.items[?(@.text == '收到')].quote.recalled"))
                .containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(page, "$.items[?(@.text == '收到')].quote.excerpt"))
                .containsExactly((Object) null);
        String excerpt = JsonPath.<List<String>>read(page, "$.items[?(@.text == '太长了')].quote.excerpt")
                .get(0);
        assertThat(excerpt).startsWith("报价报价").endsWith("…").doesNotContain("\n");
        assertThat(excerpt.codePointCount(0, excerpt.length())).isEqualTo(101);
        List<java.util.Map<String, Object>> unquoted = JsonPath.read(page, "$.items[?(@.seq <= 2)]");
        assertThat(unquoted).as("messages that reply to nothing").hasSize(2).allMatch(m -> m.get("quote") == null);
    }
}
