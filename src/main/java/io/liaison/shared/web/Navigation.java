package io.liaison.shared.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Every module's {@link NavigationEntry} beans, sorted once by menu and order. */
@Component
public class Navigation {

    private final List<NavigationEntry> entries;

    Navigation(List<NavigationEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparing(NavigationEntry::menu)
                        .thenComparingInt(NavigationEntry::order)
                        .thenComparing(NavigationEntry::path))
                .toList();
    }

    /**
     * The entries a member holding the permissions that {@code holds} accepts may see, with the one
     * for {@code currentPath} (the longest path that covers it) marked as current.
     */
    public Menus visible(Predicate<String> holds, String currentPath) {
        List<NavigationEntry> visible = entries.stream()
                .filter(e -> e.permission() == null || holds.test(e.permission()))
                .toList();
        NavigationEntry current = visible.stream()
                .filter(e -> e.covers(currentPath))
                .max(Comparator.comparingInt(e -> e.path().length()))
                .orElse(null);
        return new Menus(visible, current);
    }

    /** What the layout renders: each menu's visible entries in order and the current entry, if any. */
    public record Menus(
            List<NavigationEntry> entries, @Nullable NavigationEntry current) {

        public List<NavigationEntry> main() {
            return of(NavigationEntry.Menu.MAIN);
        }

        public List<NavigationEntry> more() {
            return of(NavigationEntry.Menu.MORE);
        }

        public List<NavigationEntry> account() {
            return of(NavigationEntry.Menu.ACCOUNT);
        }

        public boolean isCurrent(NavigationEntry entry) {
            return entry.equals(current);
        }

        /** Whether the current entry is under "More", so that the dropdown's toggle is marked. */
        public boolean moreIsCurrent() {
            return current != null && current.menu() == NavigationEntry.Menu.MORE;
        }

        private List<NavigationEntry> of(NavigationEntry.Menu menu) {
            return entries.stream().filter(e -> e.menu() == menu).toList();
        }
    }
}
