package io.liaison.chat.live;

import static io.liaison.identity.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Api;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A test's organization with two members, their conversation through the REST API, and their sockets. */
final class LiveSockets {

    static final String ADMIN_PASSWORD = "correct horse battery";

    final Api api;
    final Api.Org org;
    final Api.Person member;
    final int port;

    LiveSockets(MockMvc mvc, int port) throws Exception {
        this.api = new Api(mvc);
        this.org = api.newOrg();
        this.member = api.newMember(org, "MEMBER");
        this.port = port;
    }

    String base() {
        return "http://localhost:" + port;
    }

    String adminCookie() throws Exception {
        return LiveClient.login(base(), "/login", org.code(), org.adminLogin(), ADMIN_PASSWORD);
    }

    String memberCookie() throws Exception {
        return LiveClient.login(base(), "/login", org.code(), member.login(), member.password());
    }

    /** A group of {@code kind} owned by the administrator, with the member in it. */
    String group(String kind) throws Exception {
        return api.createdId(json(
                post("/api/v1/conversations"),
                org.adminToken(),
                "{\"kind\":\"" + kind + "\",\"name\":\"项目群\",\"memberIds\":[\"" + member.id() + "\"]}"));
    }

    /** Posts a message as the one whose token is given; answers its seq. */
    long say(String token, String conversation, String text) throws Exception {
        String body = api.answer(
                json(post("/api/v1/conversations/" + conversation + "/messages"), token, "{\"text\":\"" + text + "\"}"),
                201);
        return ((Number) JsonPath.read(body, "$.seq")).longValue();
    }

    void rename(String conversation, String name) throws Exception {
        api.answer(
                json(patch("/api/v1/conversations/" + conversation), org.adminToken(), "{\"name\":\"" + name + "\"}")
                        .contentType(MediaType.APPLICATION_JSON),
                200);
    }

    void settings(String conversation, String settings) throws Exception {
        api.answer(
                json(
                        patch("/api/v1/conversations/" + conversation),
                        org.adminToken(),
                        "{\"settings\":" + settings + "}"),
                200);
    }

    void read(String token, String conversation, long seq) throws Exception {
        api.answer(json(post("/api/v1/conversations/" + conversation + "/read"), token, "{\"seq\":" + seq + "}"), 204);
    }

    /** The values at {@code path} of the frames of {@code type}, in the order they came. */
    static <T> List<T> of(List<String> frames, String type, String path) {
        return frames.stream()
                .filter(f -> type.equals(JsonPath.read(f, "$.type")))
                .map(f -> JsonPath.<T>read(f, path))
                .toList();
    }
}
