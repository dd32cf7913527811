package io.liaison.push.core;

import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Runs a push's sending task at once, as db-scheduler does at its time (the tests' scheduler is off). */
public final class PushRuns {

    private PushRuns() {}

    public static void now(ApplicationContext context, String orgId, String pushId) {
        context.getBean(PushSender.class).run(UUID.fromString(orgId), UUID.fromString(pushId));
    }
}
