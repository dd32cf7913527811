package io.liaison.chat.message;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a reply shows of the message it quotes: its number, its author's name and the start of its text. */
public record Quote(
        UUID messageId,
        long seq,

        @Schema(description = "The name of the quoted message's author, member or guest", example = "王芳")
        String authorName,

        @Schema(
                description = "The start of the quoted text (at most " + MessageQuotes.EXCERPT
                        + " characters, white space collapsed); null once recalled",
                example = "明天发报价单给王总")
        @Nullable
        String excerpt,

        @Schema(description = "The quoted message was recalled")
        boolean recalled) {}
