package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The adapters as Liaison builds them: one bean per robot platform, none for e-mail while no SMTP
 * host is set, and a robot's message posted through the application's own JSON and HTTP beans.
 */
@LiaisonIntegrationTest
@TestPropertySource(properties = "liaison.channel.outbound-allowed-hosts=127.0.0.1")
class ChannelAdaptersIntegrationTests {

    @Autowired
    List<ChannelAdapter> adapters;

    @Test
    void everyRobotHasAnAdapterAndEmailHasNoneWithoutAnSmtpHost() {
        assertThat(adapters)
                .extracting(ChannelAdapter::kind)
                .contains(ChannelKind.DINGTALK, ChannelKind.WECOM, ChannelKind.FEISHU)
                .doesNotContain(ChannelKind.EMAIL)
                .doesNotHaveDuplicates();
    }

    @Test
    void aWeComMessageInChineseIsPostedByTheApplicationsBean() {
        ChannelAdapter weCom = adapters.stream()
                .filter(a -> a.kind() == ChannelKind.WECOM)
                .findFirst()
                .orElseThrow();
        try (RobotReceiver receiver = new RobotReceiver(request -> "{\"errcode\":0,\"errmsg\":\"ok\"}")) {
            SendResult result = weCom.send(
                    new Target(UUID.randomUUID(), receiver.url("/cgi-bin/webhook/send?key=k-1"), null),
                    OutboundMessage.of("提醒", "你好，张三"));

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
            assertThat(receiver.received.get(0).body())
                    .isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"提醒\\n你好，张三\"}}");
        }
    }
}
