package io.liaison.channel.send;

import io.liaison.channel.ChannelKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The adapter beans by kind. A kind without one is not configured (e-mail without SMTP settings):
 * its deliveries end {@code skipped} with that reason.
 */
@Component
public class Adapters {

    private final Map<ChannelKind, ChannelAdapter> byKind = new EnumMap<>(ChannelKind.class);

    public Adapters(List<ChannelAdapter> adapters) {
        for (ChannelAdapter adapter : adapters) {
            if (byKind.put(adapter.kind(), adapter) != null) {
                throw new IllegalStateException("Two adapters for " + adapter.kind());
            }
        }
    }

    public Optional<ChannelAdapter> of(ChannelKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
