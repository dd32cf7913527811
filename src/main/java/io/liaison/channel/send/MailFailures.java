package io.liaison.channel.send;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * What a failed SMTP exchange means for the delivery: the server's reply code decides (4xx is
 * transient and retried, 5xx permanent and failed, with the server's reply as the reason), a refused
 * login is permanent, and a connection that failed or timed out is retried.
 */
final class MailFailures {

    private MailFailures() {}

    static SendResult judge(String logged, MailException failure) {
        List<Throwable> causes = causes(failure);
        for (Throwable cause : causes) {
            int code = replyCode(cause);
            if (code >= 400) {
                String reply = reply(cause);
                return code < 500
                        ? SendResult.retry(logged, reply, reply, null)
                        : SendResult.failed(logged, reply, reply);
            }
        }
        for (Throwable cause : causes) {
            if (cause instanceof AuthenticationFailedException) {
                String reply = reply(cause);
                return SendResult.failed(logged, reply, reply.isEmpty() ? "channel.reason.smtpUnreachable" : reply);
            }
        }
        String detail = reply(failure);
        return SendResult.retry(logged, detail.isEmpty() ? null : detail, "channel.reason.smtpUnreachable", null);
    }

    private static int replyCode(Throwable cause) {
        if (cause instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (cause instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (cause instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    private static String reply(Throwable cause) {
        return cause.getMessage() == null ? "" : cause.getMessage().strip();
    }

    /** The failure and everything it wraps: causes, chained messaging exceptions, per-message failures. */
    private static List<Throwable> causes(MailException failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> open = new ArrayDeque<>(List.of(failure));
        List<Throwable> all = new java.util.ArrayList<>();
        while (!open.isEmpty()) {
            Throwable next = open.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            all.add(next);
            if (next.getCause() != null) {
                open.add(next.getCause());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                open.add(messaging.getNextException());
            }
            if (next instanceof MailSendException send) {
                open.addAll(List.of(send.getMessageExceptions()));
            }
        }
        return all;
    }
}
