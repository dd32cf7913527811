package io.liaison.push;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A push's recipients as CSV: each with its name, its address as the reader sees it (in full for the
 * contact's owner, masked for an approver who does not follow it), channel, state and reason in the
 * reader's language and the time in the reader's zone; of one state when asked; from the API and from
 * the push page's link; every export in the audit log.
 */
@LiaisonIntegrationTest
class RecipientExportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    PushWorld w;
    String push;

    @BeforeEach
    void setUp() throws Exception {
        w = new PushWorld(mvc);
        w.contact(w.sender, "张三", "zhang.san@customer.example", true);
        w.contact(w.sender, "=李四", null, true);
        push = w.push(w.sender.token(), "{{name}}，新品到了", "你好", List.of(), 201);
        w.send(context, w.sender.token(), push);
        // as an SMTP server would have it (the tests have none, so the delivery module skips it)
        jdbc.sql("UPDATE push_recipient SET state = 'sent', reason = NULL WHERE push_id = ? AND address IS NOT NULL")
                .param(UUID.fromString(push))
                .update();
    }

    @Test
    void theSenderExportsEveryRecipientInTheirLanguageAndZoneWithTheAddressInFull() throws Exception {
        MockHttpServletResponse file =
                streamed(as(get("/api/v1/pushes/" + push + "/recipients/export"), w.sender.token())
                        .header("Accept-Language", "zh-CN"));

        assertThat(file.getContentType()).startsWith("text/csv");
        assertThat(file.getHeader("Content-Disposition")).contains("attachment", ".csv");
        String csv = file.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF接收人,地址,渠道,状态,原因,发送或结束时间\r\n");
        assertThat(csv).contains("张三,zhang.san@customer.example,邮件,已发送,,");
        assertThat(csv).as("a name that a spreadsheet would run stays text").contains("'=李四,,邮件,已跳过,没有邮箱,");
        Timestamp ended = jdbc.sql("SELECT max(ended_at) FROM push_recipient WHERE push_id = ? AND state = 'sent'")
                .param(UUID.fromString(push))
                .query(Timestamp.class)
                .single();
        assertThat(csv)
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(ended.toInstant().atZone(ZoneId.of("Asia/Shanghai"))));
        assertThat(csv.split("\r\n")).hasSize(3);
    }

    @Test
    void anApproverSeesTheAddressesMaskedAndOneStateExportsOnlyIt() throws Exception {
        String all = streamed(as(get("/api/v1/pushes/" + push + "/recipients/export"), w.org.adminToken())
                        .header("Accept-Language", "en"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("Recipient,Address,Channel,State,Reason,Sent or ended at", "z***@customer.example");
        assertThat(all).doesNotContain("zhang.san@");

        String skipped = streamed(
                        as(get("/api/v1/pushes/" + push + "/recipients/export?state=skipped"), w.sender.token())
                                .header("Accept-Language", "en"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(skipped).contains("'=李四,,E-mail,Skipped,No e-mail address").doesNotContain("张三");

        w.api.answer(as(get("/api/v1/pushes/" + push + "/recipients/export?state=lost"), w.sender.token()), 400);
        w.api.answer(as(get("/api/v1/pushes/" + push + "/recipients/export"), w.other.token()), 404);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE org_id = ? AND action = 'push.recipients-exported' AND target_id = ?
                        """)
                        .params(UUID.fromString(w.org.id()), UUID.fromString(push))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void thePushPageLinksToTheExportOfTheChosenStateWhichItsSessionDownloads() throws Exception {
        var actor = members.actor(UUID.fromString(w.sender.id())).orElseThrow();
        String page = mvc.perform(get("/pushes/" + push)
                        .param("state", "skipped")
                        .header("HX-Request", "true")
                        .header("Accept-Language", "zh-CN")
                        .with(authentication(new ActorAuthentication(actor))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("导出 CSV", "/pushes/" + push + "/recipients.csv?state=skipped");

        String csv = streamed(get("/pushes/" + push + "/recipients.csv")
                        .param("state", "skipped")
                        .header("Accept-Language", "zh-CN")
                        .with(authentication(new ActorAuthentication(actor))))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=李四,,邮件,已跳过,没有邮箱").doesNotContain("张三");
    }

    private MockHttpServletResponse streamed(MockHttpServletRequestBuilder call) throws Exception {
        MvcResult started =
                mvc.perform(call).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }
}
