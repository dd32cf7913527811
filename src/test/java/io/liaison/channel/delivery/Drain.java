package io.liaison.channel.delivery;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** For tests outside this package: sends what is due now, as one of the scheduled workers would. */
public final class Drain {

    private Drain() {}

    public static int now(ApplicationContext context) {
        return context.getBean(DeliveryWorker.class).drain(Duration.ofSeconds(10));
    }
}
