package io.liaison.push;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.send.GreenMailSmtp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the push tests that read the mails received share (one application for all of them): GreenMail,
 * a real SMTP server, as the organization's e-mail; pushes handed over two recipients a batch; and a
 * hook that cancels a push as soon as its first batch is committed ({@link CancelAfterFirstBatch}).
 */
@LiaisonIntegrationTest
@TestPropertySource(properties = "liaison.push.batch-size=2")
@Import(CancelAfterFirstBatch.class)
abstract class PushMailTest {

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

    @Autowired
    JdbcClient jdbc;

    /** The text of every part of a mail (plain and HTML alike), one after the other. */
    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.append(text(child)).append('\n');
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }
}
