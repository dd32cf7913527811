package io.liaison.task.core;

import io.liaison.chat.ChatConversations;
import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The names of tasks' contacts and groups as their reader may see them, for a page of tasks in two
 * queries: a contact the reader does not see, or a group they are not in, keeps its id and no name.
 */
@Component
class TaskNames {

    private final ContactAudience contacts;
    private final ChatConversations conversations;

    TaskNames(ContactAudience contacts, ChatConversations conversations) {
        this.contacts = contacts;
        this.conversations = conversations;
    }

    List<Task> of(Actor actor, List<Task> tasks) {
        Map<UUID, String> contactNames = names(tasks, Task::contactIds, ids -> contacts.visibleNames(actor, ids));
        Map<UUID, String> groupNames = names(tasks, Task::conversationIds, ids -> conversations.joined(actor, ids));
        List<Task> named = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            named.add(task.named(in(task.contactIds(), contactNames), in(task.conversationIds(), groupNames)));
        }
        return named;
    }

    private static Map<UUID, String> names(
            List<Task> tasks, Function<Task, List<UUID>> ids, Function<Collection<UUID>, Map<UUID, String>> lookup) {
        Set<UUID> wanted = new LinkedHashSet<>();
        tasks.forEach(task -> wanted.addAll(ids.apply(task)));
        return wanted.isEmpty() ? Map.of() : lookup.apply(wanted);
    }

    private static List<@Nullable String> in(List<UUID> ids, Map<UUID, String> names) {
        List<@Nullable String> list = new ArrayList<>(ids.size());
        ids.forEach(id -> list.add(names.get(id)));
        return list;
    }
}
