package io.liaison.push;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A push e-mail that the mail server (GreenMail) took is contact with its contact: its last-contacted
 * time moves and its stay-in-touch cadence starts again; a contact the push could not mail stays due.
 */
class PushContactedIntegrationTests extends PushMailTest {

    @Test
    void aPushMailSentToTheContactResetsItsCadence() throws Exception {
        PushWorld w = new PushWorld(mvc);
        String mailed = w.contact(w.sender, "孙八", "sun.ba@customer.example", true);
        String unreachable = w.contact(w.sender, "周九", null, true);
        api(w, "{\"tagId\":\"" + w.vip + "\",\"everyDays\":30}", w.org.adminToken());
        jdbc.sql("UPDATE contact SET created_at = now() - interval '45 days' WHERE id = ANY (?)")
                .param(new UUID[] {UUID.fromString(mailed), UUID.fromString(unreachable)})
                .update();
        assertThat(due(w)).containsExactlyInAnyOrder(mailed, unreachable);

        String push = w.push(w.sender.token(), "{{name}}，好久不见", "你好，{{name}}！", List.of(), 201);
        w.send(context, w.sender.token(), push);
        Drain.now(context);

        assertThat(GreenMailSmtp.receivedBy(greenMail, "sun.ba@customer.example"))
                .hasSize(1);
        String at = JsonPath.read(
                w.api.answer(as(get("/api/v1/contacts/" + mailed), w.sender.token()), 200), "$.lastContactedAt");
        assertThat(OffsetDateTime.parse(at).toInstant()).isAfter(Instant.now().minusSeconds(120));
        assertThat(due(w)).as("the contact without an address was not reached").containsExactly(unreachable);
    }

    private static void api(PushWorld w, String body, String token) throws Exception {
        w.api.answer(json(post("/api/v1/cadences"), token, body), 201);
    }

    private static List<String> due(PushWorld w) throws Exception {
        return JsonPath.read(
                w.api.answer(as(get("/api/v1/cadences/due"), w.sender.token()), 200), "$.items[*].contactId");
    }
}
