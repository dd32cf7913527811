package io.liaison.push;

import io.liaison.channel.Deliveries;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A member pressing "cancel" while a push is being sent, at a known moment: once armed, the first
 * message a push hands to the delivery queue arms a callback that runs when that batch's transaction
 * has committed, on another thread (as another request would), before the sender takes its next batch.
 */
@TestConfiguration
class CancelAfterFirstBatch {

    private static final AtomicReference<@Nullable Runnable> ARMED = new AtomicReference<>();

    /** The next push handed over runs {@code cancel} after its first batch. */
    static void arm(Runnable cancel) {
        ARMED.set(cancel);
    }

    @Bean
    static BeanPostProcessor cancellingDeliveries() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof Deliveries deliveries)) {
                    return bean;
                }
                return Proxy.newProxyInstance(
                        Deliveries.class.getClassLoader(), new Class<?>[] {Deliveries.class}, (proxy, method, args) -> {
                            Runnable cancel = method.getName().equals("queue") ? ARMED.getAndSet(null) : null;
                            if (cancel != null) {
                                TransactionSynchronizationManager.registerSynchronization(
                                        new TransactionSynchronization() {
                                            @Override
                                            public void afterCommit() {
                                                onAnotherThread(cancel);
                                            }
                                        });
                            }
                            try {
                                return method.invoke(deliveries, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    private static void onAnotherThread(Runnable cancel) {
        Thread thread = new Thread(cancel, "cancel-mid-send");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
