package io.liaison.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.liaison.shared.LiaisonProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The data source: the external PostgreSQL of {@code LIAISON_DB_URL}, or else the embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiaisonProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(Embedded.class)
    EmbeddedDatabase embeddedDatabase(LiaisonProperties properties) {
        return EmbeddedDatabase.start(properties.dataDir(), properties.db().sharedBuffers());
    }

    @Bean
    @Conditional(Embedded.class)
    OrderlyShutdown orderlyShutdown(ConfigurableApplicationContext context) {
        return new OrderlyShutdown(context);
    }

    @Bean(destroyMethod = "close")
    @Conditional(Embedded.class)
    HikariDataSource embeddedDataSource(EmbeddedDatabase database, LiaisonProperties properties) {
        return pool(database.jdbcUrl(), database.user(), database.password(), properties.db());
    }

    @Bean(destroyMethod = "close")
    @Conditional(External.class)
    HikariDataSource externalDataSource(LiaisonProperties properties) {
        LiaisonProperties.Db db = properties.db();
        return pool(db.url(), db.user(), db.password(), db);
    }

    private static HikariDataSource pool(
            String url, @Nullable String user, @Nullable String password, LiaisonProperties.Db settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("liaison");
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(20);
        pool.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Every idle connection is a PostgreSQL process; a quiet installation needs only a few.
        pool.setMinimumIdle(2);
        return pool;
    }

    static class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("liaison.db.url"));
        }
    }

    static class External extends Embedded {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
