package io.liaison;

import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * In every test context, {@code @ApplicationModuleListener}s run in the publishing thread, right
 * after its commit, instead of on the task executor: a test that creates an organization and then
 * reads its default tag groups sees them at once rather than racing the listener. The listeners still
 * run after the commit, in their own transaction, through the event publication registry; only the
 * thread differs from production (registered in {@code META-INF/spring.factories}).
 */
public class SynchronousModuleListeners implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("synchronousModuleListeners", new AsyncConfigurer() {
                @Override
                public Executor getAsyncExecutor() {
                    return new SyncTaskExecutor();
                }
            });
        }
    }
}
