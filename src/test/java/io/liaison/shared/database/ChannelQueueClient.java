package io.liaison.shared.database;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.config.ChannelService;
import io.liaison.channel.config.NewChannel;
import io.liaison.channel.send.ChannelSettings;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Module {@code channel}'s own code for creating a webhook channel ({@link ChannelService}) and
 * queuing deliveries ({@link Deliveries#queue}), run in the test's JVM on the nodes' database the
 * way another module of a node calls it. Deliveries are queued by modules, never by an endpoint, and
 * thousands of them have to be written quickly (while the nodes are stopped, for the benchmark): the
 * rows must be the ones the module writes, not a copy of its SQL. The channel's secret is encrypted
 * with the nodes' {@code LIAISON_SECRET_KEY}.
 */
final class ChannelQueueClient implements AutoCloseable {

    private static final Pattern QUEUEING = Pattern.compile("io\\.liaison\\.(channel\\.(config\\.(ChannelRepository"
            + "|ChannelLookup|ChannelService)|send\\.(Adapters|WebhookAdapter|OutboundHttp)"
            + "|delivery\\.(DeliveryQueue|DeliveryRepository|DeliveryRecords))|shared\\.StoredMessages)");

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    private final TransactionTemplate transaction;

    ChannelQueueClient(DataSource database, String secretKey, Path dataDir) throws ReflectiveOperationException {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        transaction = new TransactionTemplate(transactions);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(database));
        context.registerBean(DataSourceTransactionManager.class, () -> transactions);
        context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
        context.registerBean(
                ChannelSettings.class,
                () -> new ChannelSettings(
                        secretKey,
                        List.of(),
                        1,
                        1,
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(2),
                        Duration.ofHours(24),
                        5));
        // The box the nodes encrypt with, given the key instead of the whole of LiaisonProperties.
        Constructor<?> box =
                Class.forName("io.liaison.channel.config.SecretBox").getDeclaredConstructor(String.class, Path.class);
        box.setAccessible(true);
        Object secretBox = box.newInstance(secretKey, dataDir);
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) box.getDeclaringClass();
        context.registerBean("secretBox", type, () -> secretBox);
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(QUEUEING));
        scanner.scan("io.liaison.channel", "io.liaison.shared");
        context.refresh();
    }

    /** Creates an enabled webhook channel of {@code orgId} to {@code url}, signed with {@code secret}. */
    UUID webhook(UUID orgId, String url, String secret) {
        return transaction.execute(status -> context.getBean(ChannelService.class)
                .create(orgId, new NewChannel(null, "Receiver", ChannelKind.WEBHOOK, url, secret, true))
                .id());
    }

    /** Queues {@code count} messages of about {@code textChars} characters to the channel, 500 to a transaction. */
    List<UUID> queue(UUID orgId, UUID channelId, int count, int textChars) {
        Deliveries deliveries = context.getBean(Deliveries.class);
        DeliveryOrigin origin = new DeliveryOrigin("test", null, false);
        String padding = "x".repeat(textChars);
        List<UUID> ids = new ArrayList<>(count);
        for (int from = 0; from < count; from += 500) {
            int first = from;
            int to = Math.min(count, from + 500);
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < to; i++) {
                    ids.addAll(deliveries.queue(
                            orgId,
                            Destination.channel(channelId),
                            OutboundMessage.of("Message " + i, padding),
                            origin,
                            null));
                }
            });
        }
        return ids;
    }

    @Override
    public void close() {
        context.close();
    }
}
