package io.liaison.channel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.channel.Attachment;
import io.liaison.channel.OutboundMessage;
import io.liaison.shared.Message;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Attachments within the limits pass; one too large, or one too many, names the limit, and the
 * message kept beside the reason keeps its text but not its files.
 */
class MessageLimitsTests {

    static final Attachment INVITE = new Attachment(
            "invite.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8));

    @Test
    void attachmentsAreLimitedInSizeAndNumber() {
        OutboundMessage one = OutboundMessage.of("Invitation", "Hello").withAttachment(INVITE);
        assertThat(MessageLimits.problem(one)).isEmpty();

        OutboundMessage large = OutboundMessage.of("Invitation", "Hello")
                .withAttachment(new Attachment("big.ics", "text/calendar", new byte[Attachment.MAX_BYTES + 1]));
        assertThat(MessageLimits.problem(large))
                .contains(Message.of("channel.reason.attachmentTooLarge", Attachment.MAX_BYTES / 1024));

        OutboundMessage many = OutboundMessage.of("Invitation", "Hello");
        for (int i = 0; i <= Attachment.MAX_COUNT; i++) {
            many = many.withAttachment(INVITE);
        }
        assertThat(MessageLimits.problem(many))
                .contains(Message.of("channel.reason.tooManyAttachments", Attachment.MAX_COUNT));
        assertThat(MessageLimits.cut(many).attachments()).isEmpty();
        assertThat(MessageLimits.cut(many).text()).isEqualTo("Hello");
    }
}
