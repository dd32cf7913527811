package io.liaison.channel.send;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The e-mail adapter exists only when an SMTP host is set: the channel core reads "no adapter for
 * EMAIL" as "e-mail is not configured" and says so rather than dropping a message.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmtpSettings.class)
class EmailConfiguration {

    @Bean
    @Conditional(SmtpHostSet.class)
    EmailAdapter emailAdapter(SmtpSettings settings) {
        return new EmailAdapter(settings);
    }

    /** An empty {@code LIAISON_SMTP_HOST} is no host. */
    static class SmtpHostSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("liaison.channel.smtp.host"));
        }
    }
}
