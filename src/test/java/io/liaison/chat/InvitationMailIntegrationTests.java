package io.liaison.chat;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import io.liaison.identity.Api;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With SMTP configured, an invitation of a contact with an e-mail address is e-mailed (to GreenMail,
 * a real SMTP server in the test JVM) in the organization's language, with the link; one of a
 * contact without an address is not, and the answer says so.
 */
@LiaisonIntegrationTest
class InvitationMailIntegrationTests {

    static final int PORT = GreenMailSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailSmtp.server(PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        GreenMailSmtp.settings(registry, PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theLinkIsEmailedInTheOrganizationsLanguageWhenTheContactHasAnAddress() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person ann = api.newMember(org, "MEMBER");
        String contact = GuestSession.contact(api, ann.token(), "李雷", "li.lei@customer.example");
        String group = GuestSession.externalGroup(api, ann.token(), "华东客户群", contact);
        String invitations = "/api/v1/conversations/" + group + "/invitations";

        String answer = api.answer(
                json(post(invitations), ann.token(), "{\"contactId\":\"" + contact + "\"}")
                        .header("Accept-Language", "en"),
                201);
        assertThat(JsonPath.<Boolean>read(answer, "$.emailed")).isTrue();
        Drain.now(context);

        MimeMessage[] received = GreenMailSmtp.receivedBy(greenMail, "li.lei@customer.example");
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("li.lei@customer.example");
        assertThat(received[0].getSubject()).contains("邀请你加入群“华东客户群”");
        String text = (String)
                ((MimeMultipart) received[0].getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("李雷，你好", "华东客户群", JsonPath.<String>read(answer, "$.url"), org.code());

        String silent = api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"韩梅梅\"}"));
        String copied = api.answer(json(post(invitations), ann.token(), "{\"contactId\":\"" + silent + "\"}"), 201);
        assertThat(JsonPath.<Boolean>read(copied, "$.emailed")).isFalse();
        Drain.now(context);
        assertThat(GreenMailSmtp.receivedBy(greenMail, "li.lei@customer.example"))
                .hasSize(1);
    }
}
