package io.liaison;

import java.util.Map;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A context with the real {@code application.properties} and these environment variables instead of
 * the machine's, for tests that a module's settings bind from the variables the README documents.
 */
public final class SettingsContexts {

    private SettingsContexts() {}

    public static ApplicationContextRunner withEnvironment(Map<String, Object> variables, Class<?> configuration) {
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .replace(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new SystemEnvironmentPropertySource(
                                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(configuration);
    }
}
