package io.liaison.contact.trash;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long deleted contacts stay restorable before they are purged for good ({@code
 * liaison.contact.trash.retention}, {@code LIAISON_TRASH_RETENTION}).
 */
@ConfigurationProperties("liaison.contact.trash")
record TrashSettings(@DefaultValue("30d") Duration retention) {}
