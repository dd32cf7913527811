package io.liaison.notify;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import io.liaison.identity.Api;
import io.liaison.shared.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications raised together are each routed by their own member's preferences, as one raised
 * alone: an e-mail for the member who chose it, the bell for the one who kept it, nothing for one
 * deactivated.
 */
@LiaisonIntegrationTest
class NotificationBatchIntegrationTests {

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
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    @Test
    void eachMemberOfABatchIsToldTheWayTheyChoseAndADeactivatedOneNotAtAll() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person mailed = api.newMember(org, "MEMBER");
        Api.Person belled = api.newMember(org, "MEMBER");
        Api.Person gone = api.newMember(org, "MEMBER");
        for (Api.Person p : List.of(mailed, belled, gone)) {
            jdbc.sql("UPDATE member SET email = ? WHERE id = ?")
                    .params(p.id() + "@example.cn", UUID.fromString(p.id()))
                    .update();
        }
        choose(api, mailed, "{\"kind\":\"contact.shared\",\"inApp\":false,\"email\":true}");
        choose(api, belled, "{\"kind\":\"contact.shared\",\"inApp\":true,\"email\":false}");
        choose(api, gone, "{\"kind\":\"contact.shared\",\"inApp\":true,\"email\":true}");
        jdbc.sql("UPDATE member SET active = false WHERE id = ?")
                .param(UUID.fromString(gone.id()))
                .update();

        transaction.executeWithoutResult(s -> notifications.raiseAll(
                List.of(shared(org, mailed, "张三"), shared(org, belled, "李四"), shared(org, gone, "王五"))));

        long deadline = System.currentTimeMillis() + 30_000;
        String[] ours = {mailed.id() + "@example.cn", belled.id() + "@example.cn", gone.id() + "@example.cn"};
        while (GreenMailSmtp.receivedBy(greenMail, ours).length < 1 && System.currentTimeMillis() < deadline) {
            Drain.now(context);
            Thread.sleep(100);
        }
        Drain.now(context);
        MimeMessage[] mails = GreenMailSmtp.receivedBy(greenMail, ours);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(mailed.id() + "@example.cn");
        assertThat(mails[0].getSubject()).contains("张三");
        assertThat(bell(api, mailed)).as("e-mail only").isZero();
        assertThat(bell(api, belled)).as("bell only").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE org_id = ? AND member_id = ?")
                        .params(UUID.fromString(org.id()), UUID.fromString(gone.id()))
                        .query(Integer.class)
                        .single())
                .as("the deactivated member is told nothing")
                .isZero();
    }

    static NewNotification shared(Api.Org org, Api.Person to, String contact) {
        return new NewNotification(
                UUID.fromString(org.id()),
                UUID.fromString(to.id()),
                "contact.shared",
                Message.of("notify.contact.shared.title", "管理员", contact),
                Message.of("notify.contact.shared.body", "管理员", contact),
                "/contacts/" + UUID.randomUUID());
    }

    static void choose(Api api, Api.Person who, String kind) throws Exception {
        api.answer(
                json(
                        put("/api/v1/notification-preferences"),
                        who.token(),
                        "{\"kinds\":[" + kind + "],\"quietHours\":null}"),
                200);
    }

    static int bell(Api api, Api.Person who) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/notifications/count"), who.token()), 200), "$.count");
    }
}
