package io.liaison.chat.web;

import io.liaison.chat.ChatUser;
import io.liaison.chat.conversation.ChatSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the chat script needs from the page, for a member and a guest alike: who is looking, in which
 * zone and language, what they may do, and every text it shows, from the bundles (the script has
 * none of its own).
 */
@Component
class ChatView {

    /** The bundle keys under {@code chat.js.} that the script reads by their last part. */
    static final List<String> TEXTS = List.of(
            "today",
            "yesterday",
            "recalled",
            "edited",
            "reply",
            "edit",
            "recall",
            "copy",
            "task",
            "copied",
            "replyingTo",
            "editing",
            "typing",
            "everyone",
            "you",
            "former",
            "owner",
            "admin",
            "muted",
            "guest",
            "dissolved",
            "dissolvedNote",
            "mutedNote",
            "adminsOnlyNote",
            "noResults",
            "uploading",
            "file",
            "failed",
            "offline",
            "confirmRecall",
            "confirmLeave",
            "confirmDissolve",
            "confirmRemove",
            "confirmTransfer",
            "makeAdmin",
            "makeMember",
            "mute",
            "unmute",
            "remove",
            "transfer",
            "emailed",
            "notEmailed",
            "revoke",
            "expires",
            "download",
            "participants",
            "direct",
            "announcementBy",
            "noMessages",
            "chooseContact",
            "chooseMember",
            "saved");

    private final ChatSettings settings;
    private final MessageSource messages;
    private final JsonMapper json;

    ChatView(ChatSettings settings, MessageSource messages, JsonMapper json) {
        this.settings = settings;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The page's chat: {@code base} is where its links lead ({@code /chats} or {@code /guest/chats}),
     * {@code selected} the conversation opened with the page.
     */
    record Chat(
            String base,
            UUID selfId,
            String selfKind,
            String selfName,
            String zone,
            String language,
            boolean guest,
            long recallSeconds,
            @Nullable UUID selected,
            String texts) {}

    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach(key -> texts.put(key, messages.getMessage("chat.js." + key, null, locale)));
        return texts;
    }

    /** The page's language for the browser's date formats: zh-CN or en. */
    private static String language(Locale locale) {
        return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
    }

    Chat of(ChatUser user, String base, @Nullable UUID selected) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Chat(
                base,
                user.id(),
                user.kind(),
                user.displayName(),
                user.zone().getId(),
                language(locale),
                user.guest(),
                settings.recallWindow().toSeconds(),
                selected,
                json.writeValueAsString(texts(locale)));
    }
}
