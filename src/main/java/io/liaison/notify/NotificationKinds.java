package io.liaison.notify;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every {@link NotificationKind} the application's modules contribute, by code. */
@Component
public class NotificationKinds {

    private final Map<String, NotificationKind> kinds = new LinkedHashMap<>();

    NotificationKinds(List<NotificationKind> contributed) {
        contributed.stream()
                .sorted(Comparator.comparing(NotificationKind::code))
                .forEach(kind -> {
                    if (kinds.putIfAbsent(kind.code(), kind) != null) {
                        throw new IllegalStateException("Two notification kinds have the code " + kind.code());
                    }
                });
    }

    public List<NotificationKind> all() {
        return List.copyOf(kinds.values());
    }

    public Optional<NotificationKind> find(String code) {
        return Optional.ofNullable(kinds.get(code));
    }
}
