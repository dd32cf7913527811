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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LiaisonIntegrationTest
class MessageSearchIntegrationTests {

    @Autowired
    MockMvc mvc;

    static MockHttpServletRequestBuilder search(String q) {
        return get("/api/v1/messages/search").param("q", q);
    }

    @Test
    void chineseWordsOfOneAndTwoCharactersAreFoundOnlyInMyConversationsAndNotOnceRecalled() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String ours = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "组", bob.id());
        String annsOwn = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "私");
        String base = "/api/v1/conversations/";
        String quote = api.createdId(json(post(base + ours + "/messages"), ann.token(), "{\"text\":\"明天发报价单给王总\"}"));
        api.createdId(json(post(base + annsOwn + "/messages"), ann.token(), "{\"text\":\"报价底线不能说\"}"));
        String recalled = api.createdId(json(post(base + ours + "/messages"), bob.token(), "{\"text\":\"旧报价作废\"}"));
        api.answer(as(post(base + ours + "/messages/" + recalled + "/recall"), bob.token()), 200);

        String two = api.answer(as(search("报价"), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(two, "$.items[*].id")).containsExactly(quote);
        String one = api.answer(as(search("王"), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(one, "$.items[*].id")).containsExactly(quote);
        String annsAll = api.answer(as(search("报价"), ann.token()), 200);
        assertThat(JsonPath.<List<String>>read(annsAll, "$.items")).hasSize(2);
        String annsOne = api.answer(as(search("报价").param("conversationId", annsOwn), ann.token()), 200);
        assertThat(JsonPath.<List<String>>read(annsOne, "$.items[*].text")).containsExactly("报价底线不能说");
        api.answer(as(search("报价").param("conversationId", annsOwn), bob.token()), 404);
        String empty = api.answer(as(search(" "), bob.token()).header("Accept-Language", "en"), 400);
        assertThat(empty).contains("Search: must have 1 to 100 characters");
    }

    @Test
    void englishWordsAndEditsAreFoundNewestFirstPageByPage() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String first = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "Sales", bob.id());
        String second = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "Support", bob.id());
        String base = "/api/v1/conversations/";
        List<String> posted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String group = i % 2 == 0 ? first : second;
            posted.add(api.createdId(
                    json(post(base + group + "/messages"), ann.token(), "{\"text\":\"The Quotation no. " + i + "\"}")));
        }
        String edited =
                api.createdId(json(post(base + first + "/messages"), ann.token(), "{\"text\":\"see the offer\"}"));

        String page = api.answer(as(search("quotation").param("limit", "2"), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].id")).containsExactly(posted.get(4), posted.get(3));
        String rest = api.answer(
                as(
                        search("QUOTATION")
                                .param("limit", "2")
                                .param("cursor", JsonPath.<String>read(page, "$.nextCursor")),
                        bob.token()),
                200);
        assertThat(JsonPath.<List<String>>read(rest, "$.items[*].id")).containsExactly(posted.get(2), posted.get(1));
        String inFirst = api.answer(as(search("quotation").param("conversationId", first), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(inFirst, "$.items[*].id"))
                .containsExactly(posted.get(4), posted.get(2), posted.get(0));
        assertThat(JsonPath.<List<String>>read(api.answer(as(search("no. 3"), bob.token()), 200), "$.items[*].id"))
                .containsExactly(posted.get(3));
        assertThat(JsonPath.<List<String>>read(api.answer(as(search("quota tion"), bob.token()), 200), "$.items"))
                .as("a query is a piece of the text, spaces included")
                .isEmpty();

        assertThat(JsonPath.<List<String>>read(api.answer(as(search("offer"), bob.token()), 200), "$.items[*].id"))
                .containsExactly(edited);
        api.answer(
                json(patch(base + first + "/messages/" + edited), ann.token(), "{\"text\":\"see the 报价 instead\"}"),
                200);
        assertThat(JsonPath.<List<String>>read(api.answer(as(search("offer"), bob.token()), 200), "$.items"))
                .as("the old text after the edit")
                .isEmpty();
        assertThat(JsonPath.<List<String>>read(api.answer(as(search("价"), bob.token()), 200), "$.items[*].id"))
                .containsExactly(edited);
    }
}
