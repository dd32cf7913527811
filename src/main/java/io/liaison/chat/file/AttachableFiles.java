package io.liaison.chat.file;

import io.liaison.chat.ChatFile;
import io.liaison.chat.ChatFiles;
import io.liaison.chat.ChatUser;
import io.liaison.shared.LiaisonException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The files messages carry, as the conversations ask for them. */
@Component
class AttachableFiles implements ChatFiles {

    /** The most files one message carries. */
    static final int MAX_PER_MESSAGE = 20;

    /** The most files one call shows: a page of messages with theirs. */
    static final int MAX_SHOWN = 2000;

    private final FileRepository files;
    private final FileService service;

    AttachableFiles(FileRepository files, FileService service) {
        this.files = files;
        this.service = service;
    }

    /** Also marks them attached, in the caller's transaction: a file a message carries is never cleaned up. */
    @Override
    @Transactional
    public List<ChatFile> attachable(ChatUser user, List<UUID> ids) {
        if (ids.size() > MAX_PER_MESSAGE) {
            throw LiaisonException.tooMany("fileIds", MAX_PER_MESSAGE);
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        files.markAttached(user.orgId(), distinct);
        Map<UUID, StoredFile> found = byId(files.findAll(user.orgId(), distinct));
        for (int i = 0; i < ids.size(); i++) {
            StoredFile file = found.get(ids.get(i));
            if (file == null || !service.mayRead(user, file)) {
                throw LiaisonException.invalid("fileIds[" + i + "]", "invalid.file-not-attachable", ids.get(i));
            }
        }
        return distinct.stream().map(id -> found.get(id).chatFile()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChatFile> byIds(UUID orgId, Collection<UUID> ids) {
        if (ids.size() > MAX_SHOWN) {
            throw new IllegalArgumentException("at most " + MAX_SHOWN + " files at once, not " + ids.size());
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<UUID, StoredFile> found = byId(files.findAll(orgId, distinct));
        return distinct.stream()
                .filter(found::containsKey)
                .map(id -> found.get(id).chatFile())
                .toList();
    }

    private static Map<UUID, StoredFile> byId(List<StoredFile> rows) {
        return rows.stream().collect(Collectors.toMap(StoredFile::id, Function.identity()));
    }
}
