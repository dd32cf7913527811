package io.liaison.integration.sync;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The last line of a sync's answer: how many lines it read and what became of them; {@code stopped}
 * says why it stopped before the end of the body (a limit), and is null when it read all of it.
 */
@Schema(
        description = "The last line of a sync's answer.",
        example = "{\"summary\": true, \"lines\": 3, \"created\": 1, \"updated\": 1, \"unchanged\": 0,"
                + " \"failed\": 1, \"stopped\": null}")
public record SyncSummary(
        @Schema(description = "Always true: tells this line from the lines' results.", example = "true")
        boolean summary,

        @Schema(example = "3") int lines,
        @Schema(example = "1") int created,
        @Schema(example = "1") int updated,
        @Schema(example = "0") int unchanged,
        @Schema(example = "1") int failed,

        @Schema(
                description = "Why the sync stopped before the end of the body, in the caller's language.",
                example = "A sync takes at most 100000 lines; the lines after line 100000 were not read.")
        @Nullable
        String stopped) {}
