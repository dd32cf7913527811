package io.liaison.push.core;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's side of pushes ({@code liaison.push.*}): a sending push hands over {@code batchSize}
 * recipients a transaction (1 to 1,000; the renderer reads at most 1,000 contacts at once).
 */
@ConfigurationProperties("liaison.push")
public record PushProperties(@DefaultValue("200") int batchSize) {

    public PushProperties {
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("liaison.push.batch-size is 1 to 1000, not " + batchSize);
        }
    }
}
