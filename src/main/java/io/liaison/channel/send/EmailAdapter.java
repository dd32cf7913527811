package io.liaison.channel.send;

import io.liaison.channel.Attachment;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * E-mail over SMTP through Spring's {@link JavaMailSenderImpl}: one message of two alternatives, the
 * plain text and HTML (escaped from the text, or rendered from the markdown with raw HTML escaped),
 * a UTF-8 subject, and for a push {@code List-Unsubscribe} with one-click {@code
 * List-Unsubscribe-Post} (RFC 8058); with attachments, those two in a {@code multipart/mixed}
 * beside the files. The Message-ID is the delivery's, so that a repeat after a lost
 * answer is recognisably the same message. A bean only when an SMTP host is set ({@link
 * EmailConfiguration}).
 */
class EmailAdapter implements ChannelAdapter {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks up its stream provider for every MIME part; named here, that is one class
        // lookup rather than a ServiceLoader scan of the whole class path (71 % of Liaison's CPU while
        // a push's e-mails drained, in PushBenchmark's JFR recording).
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
    }

    private static final String CONNECT_TIMEOUT_MS = "10000";
    private static final String IO_TIMEOUT_MS = "30000";

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final InternetAddress from;
    private final String server;

    EmailAdapter(SmtpSettings settings) {
        if (!StringUtils.hasText(settings.host())) {
            throw new IllegalArgumentException("An SMTP host is needed to send e-mail");
        }
        String address = StringUtils.hasText(settings.from()) ? settings.from() : settings.username();
        if (!StringUtils.hasText(address)) {
            throw new IllegalStateException(
                    "LIAISON_SMTP_FROM (or LIAISON_SMTP_USERNAME) must be set with LIAISON_SMTP_HOST");
        }
        try {
            from = new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException("LIAISON_SMTP_FROM is not an e-mail address: " + address, e);
        }
        server = settings.host() + ":" + settings.port();
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        properties.setProperty("mail.smtp.connectiontimeout", CONNECT_TIMEOUT_MS);
        properties.setProperty("mail.smtp.timeout", IO_TIMEOUT_MS);
        properties.setProperty("mail.smtp.writetimeout", IO_TIMEOUT_MS);
        if (StringUtils.hasText(settings.username())) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
            properties.setProperty("mail.smtp.auth", "true");
        }
        switch (settings.security()) {
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {}
        }
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    /** No documented limit: a server's own limits answer 4xx, which is retried. */
    @Override
    public List<RateLimit> rateLimits() {
        return List.of();
    }

    @Override
    public List<OutboundMessage> split(OutboundMessage message) {
        return List.of(message);
    }

    @Override
    public SendResult send(Target target, OutboundMessage message) {
        String plain = EmailBodies.plain(message);
        String logged =
                "SMTP " + server + "\nTo: " + target.address() + "\nSubject: " + message.title() + "\n\n" + plain;
        MimeMessage mime;
        try {
            mime = compose(target, message, plain);
        } catch (AddressException e) {
            return SendResult.failed(logged, null, "channel.reason.badAddress");
        } catch (MessagingException e) {
            throw new IllegalStateException("A MIME message could not be built", e);
        }
        try {
            sender.send(mime);
            return SendResult.sent(logged, null);
        } catch (MailException e) {
            return MailFailures.judge(logged, e);
        }
    }

    private MimeMessage compose(Target target, OutboundMessage message, String plain) throws MessagingException {
        String messageId = "<" + target.deliveryId() + "@" + from.getAddress().replaceFirst(".*@", "") + ">";
        MimeMessage mime = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(target.address(), true));
        mime.setSubject(message.title(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain, StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(EmailBodies.html(message), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        if (message.attachments().isEmpty()) {
            mime.setContent(alternatives);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            mixed.addBodyPart(body);
            for (Attachment attachment : message.attachments()) {
                mixed.addBodyPart(part(attachment));
            }
            mime.setContent(mixed);
        }
        if (message.unsubscribeLink() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeLink() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    private static MimeBodyPart part(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.name());
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }
}
