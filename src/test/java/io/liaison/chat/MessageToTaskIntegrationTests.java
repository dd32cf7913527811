package io.liaison.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Make a task of this" on a customer's message: the task form opens with the message's first line
 * as the title, the whole text as the details, the group and the guest's contact linked; a member
 * not in the group cannot read the message that way. The group's tasks show in its side panel.
 */
@LiaisonIntegrationTest
class MessageToTaskIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Test
    void theTaskFormStartsFromAGuestsMessage() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person carl = api.newMember(org, "MEMBER");
        String contact = GuestSession.contact(api, ann.token(), "李雷", "li.lei@customer.example");
        String group = GuestSession.externalGroup(api, ann.token(), "华东客户群", contact);
        GuestSession guest = GuestSession.invited(mvc, api, ann.token(), group, contact, Api.unique("lilei"));
        String posted = api.answer(
                guest.json(post("/api/v1/conversations/" + group + "/messages"), "{\"text\":\"请周五前发报价\\n要含运费\"}"), 201);
        String message = JsonPath.read(posted, "$.id");

        String form = page(ann, "/tasks/new?conversation=" + group + "&message=" + message, 200);
        assertThat(form)
                .contains("value=\"请周五前发报价\"", "请周五前发报价\n要含运费</textarea>", "李雷")
                .containsPattern("name=\"contactIds\"\\s+value=\"" + contact + "\"")
                .contains("name=\"conversationIds\" value=\"" + group + "\"");

        page(carl, "/tasks/new?conversation=" + group + "&message=" + message, 404);

        Actor annActor = members.actor(UUID.fromString(ann.id())).orElseThrow();
        mvc.perform(post("/tasks")
                        .param("title", "请周五前发报价")
                        .param("contactIds", contact)
                        .param("conversationIds", group)
                        .with(authentication(new ActorAuthentication(annActor)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String panel = mvc.perform(get("/tasks/of-conversation/" + group)
                        .header("HX-Request", "true")
                        .header("Accept-Language", "zh-CN")
                        .with(authentication(new ActorAuthentication(annActor))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(panel).contains("本聊天的任务", "请周五前发报价", "李雷", "/tasks/new?conversation=" + group);
    }

    String page(Api.Person person, String path, int status) throws Exception {
        Actor actor = members.actor(UUID.fromString(person.id())).orElseThrow();
        var response = mvc.perform(get(path)
                        .header("Accept-Language", "zh-CN")
                        .with(authentication(new ActorAuthentication(actor))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString();
    }
}
