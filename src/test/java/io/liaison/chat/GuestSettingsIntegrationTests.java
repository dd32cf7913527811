package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** A group's settings for guests hold in the API: each refusal says which setting refused it. */
@LiaisonIntegrationTest
class GuestSettingsIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Person ann;
    Api.Person bob;
    String base;
    GuestSession guest;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        ann = api.newMember(org, "MEMBER");
        bob = api.newMember(org, "MEMBER");
        String contact = GuestSession.contact(api, ann.token(), "Li Lei", "li.lei@customer.example");
        String group = GuestSession.externalGroup(api, ann.token(), "华东客户群", contact, bob.id());
        base = "/api/v1/conversations/" + group;
        guest = GuestSession.invited(mvc, api, ann.token(), group, contact, Api.unique("lilei"));
    }

    void set(String setting, boolean value) throws Exception {
        api.answer(json(patch(base), ann.token(), "{\"settings\":{\"" + setting + "\":" + value + "}}"), 200);
    }

    @Test
    void withoutSeeingParticipantsAGuestSeesOnlyTheOwnerAdminsAndThemselves() throws Exception {
        String all = api.answer(guest.on(get(base + "/participants")), 200);
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].displayName")).hasSize(3);

        set("guestsSeeParticipants", false);
        String few = api.answer(guest.on(get(base + "/participants")), 200);
        assertThat(JsonPath.<List<String>>read(few, "$.items[*].memberId"))
                .contains(ann.id())
                .doesNotContain(bob.id());
        assertThat(JsonPath.<List<String>>read(few, "$.items[*].guestId")).contains(guest.id());
        String members = api.answer(as(get(base + "/participants"), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(members, "$.items[*].displayName"))
                .hasSize(3);
    }

    @Test
    void aGuestMentionsEveryoneOnlyWhereTheGroupAllowsIt() throws Exception {
        String body = "{\"text\":\"@all 请看\",\"mentions\":[\"all\"]}";
        assertThat(api.answer(guest.json(post(base + "/messages"), body), 403))
                .contains("this group does not let guests mention everyone");
        api.answer(json(post(base + "/messages"), bob.token(), body), 201);

        set("guestsMentionAll", true);
        String posted = api.answer(guest.json(post(base + "/messages"), body), 201);
        assertThat(JsonPath.<List<String>>read(posted, "$.mentions")).containsExactly("all");
    }

    @Test
    void announcementModeAndMutingSilenceGuestsAsTheyDoMembers() throws Exception {
        String body = "{\"text\":\"你好\"}";
        set("adminsOnlyPost", true);
        assertThat(api.answer(guest.json(post(base + "/messages"), body), 403)).contains("announcement mode");
        assertThat(api.answer(json(post(base + "/messages"), bob.token(), body), 403))
                .contains("announcement mode");
        set("adminsOnlyPost", false);

        String muted = api.answer(
                json(patch(base + "/participants?guestId=" + guest.id()), ann.token(), "{\"muted\":true}"), 200);
        assertThat(JsonPath.<Boolean>read(muted, "$.muted")).isTrue();
        assertThat(api.answer(guest.json(post(base + "/messages"), body), 403)).contains("muted");
        assertThat(api.answer(
                        json(patch(base + "/participants?guestId=" + guest.id()), ann.token(), "{\"role\":\"admin\"}"),
                        400))
                .contains("a guest is always a plain member");
        api.answer(json(patch(base + "/participants?guestId=" + guest.id()), ann.token(), "{\"muted\":false}"), 200);
        api.answer(guest.json(post(base + "/messages"), body), 201);
    }

    @Test
    void aGuestDownloadsAGroupsFilesAndPreviewsOnlyWhereTheGroupAllowsIt() throws Exception {
        MockMultipartFile png = new MockMultipartFile("file", "报价.png", "image/png", png());
        String file = uploaded(multipart("/api/v1/files").file(png).header("Authorization", "Bearer " + ann.token()));
        api.answer(
                json(post(base + "/messages"), ann.token(), "{\"text\":\"报价\",\"fileIds\":[\"" + file + "\"]}"), 201);
        api.answer(guest.on(get("/api/v1/files/" + file)), 200);
        api.answer(guest.on(get("/api/v1/files/" + file + "/thumbnail")), 200);

        set("guestsDownload", false);
        assertThat(api.answer(guest.on(get("/api/v1/files/" + file)), 403))
                .contains("does not let guests download files");
        assertThat(api.answer(guest.on(get("/api/v1/files/" + file + "/thumbnail")), 403))
                .contains("does not let guests download files");
        api.answer(as(get("/api/v1/files/" + file), bob.token()), 200);

        String own = uploaded(
                multipart("/api/v1/files").file(png).cookie(guest.cookie()).with(csrf()));
        api.answer(guest.on(get("/api/v1/files/" + own)), 200);
        api.answer(guest.json(post(base + "/messages"), "{\"text\":\"图\",\"fileIds\":[\"" + own + "\"]}"), 201);
        api.answer(as(get("/api/v1/files/" + own), bob.token()), 200);
    }

    String uploaded(RequestBuilder upload) throws Exception {
        MockHttpServletResponse response = mvc.perform(upload).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return JsonPath.read(response.getContentAsString(), "$.id");
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
