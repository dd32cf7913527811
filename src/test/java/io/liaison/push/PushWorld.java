package io.liaison.push;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Api;
import io.liaison.push.core.PushRuns;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organization for the push tests: a sender who sees only their own contacts and may send pushes,
 * another member whose contacts the sender does not see, and a tag "新品关注".
 */
final class PushWorld {

    final Api api;
    final Api.Org org;
    final Api.Person sender;
    final Api.Person other;
    final String vip;

    PushWorld(MockMvc mvc) throws Exception {
        this.api = new Api(mvc);
        this.org = api.newOrg("zh-CN");
        String role = api.newRole(org, Api.unique("群发员"), "SELF", "push.send", "contact.create", "contact.edit");
        this.sender = api.newMember(org, role);
        this.other = api.newMember(org, "MEMBER");
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"群发名单\",\"color\":\"#1E88E5\"}"));
        this.vip = api.createdId(
                json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"新品关注\"}"));
    }

    /** A contact of {@code owner}'s, with an e-mail address unless {@code email} is null, tagged when asked. */
    String contact(Api.Person owner, String name, String email, boolean tagged) throws Exception {
        String emails = email == null ? "[]" : "[{\"address\":\"" + email + "\"}]";
        String tags = tagged ? "[\"" + vip + "\"]" : "[]";
        return api.createdId(json(
                post("/api/v1/contacts"),
                owner.token(),
                "{\"name\":\"" + name + "\",\"emails\":" + emails + ",\"tagIds\":" + tags + "}"));
    }

    /** Creates a push to the tag (and the ids) with this content; answers its id. */
    String push(String token, String subject, String body, List<String> contactIds, int expected) throws Exception {
        String ids = contactIds.isEmpty() ? "" : "\"" + String.join("\",\"", contactIds) + "\"";
        String answer =
                api.answer(json(post("/api/v1/pushes"), token, """
                        {"name":"十二月新品","content":{"subject":"%s","body":"%s"},
                         "audience":{"filter":{"tagIds":["%s"]},"contactIds":[%s]}}
                        """.formatted(subject, body, vip, ids)), expected);
        return expected == 201 ? JsonPath.read(answer, "$.id") : answer;
    }

    /** Runs the push's task now, as the scheduler would at its time; answers the push as the API shows it. */
    String send(ApplicationContext context, String token, String push) throws Exception {
        PushRuns.now(context, org.id(), push);
        return api.answer(as(get("/api/v1/pushes/" + push), token), 200);
    }
}
