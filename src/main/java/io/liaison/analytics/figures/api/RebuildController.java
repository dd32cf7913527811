package io.liaison.analytics.figures.api;

import io.liaison.analytics.AnalyticsPermissions;
import io.liaison.analytics.FiguresRebuild;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rebuild of the actor's organization's figures, for administrators ({@code analytics.rebuild}). */
@RestController
class RebuildController {

    private final FiguresRebuild rebuild;

    RebuildController(FiguresRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(
            summary = "Recompute the organization's figures from the source tables",
            description = "Answers the rows each figure table holds now and how many of the kept rows differed"
                    + " (wrong or missing); the kept figures follow events, so a difference means one was lost.")
    @PostMapping("/api/v1/analytics/rebuild")
    RebuildResponse rebuild(Actor actor) {
        if (!actor.can(AnalyticsPermissions.REBUILD)) {
            throw LiaisonException.forbidden("forbidden.rebuild-figures");
        }
        return RebuildResponse.of(rebuild.rebuild(actor.orgId()));
    }

    /** What a rebuild wrote. */
    record RebuildResponse(
            @Schema(description = "Rows of all figure tables now", example = "48210")
            long rows,

            @Schema(description = "Kept rows that were wrong or missing", example = "0")
            long differing,

            @Schema(description = "How long it took, in milliseconds", example = "850")
            long tookMillis,

            @ArraySchema(maxItems = 10) List<TableResponse> tables) {

        static RebuildResponse of(FiguresRebuild.Rebuilt r) {
            return new RebuildResponse(
                    r.rows(),
                    r.differing(),
                    r.took().toMillis(),
                    r.tables().stream().map(TableResponse::of).toList());
        }
    }

    /** One figure table after the rebuild. */
    record TableResponse(
            @Schema(example = "analytics_member_day", maxLength = 40)
            String table,

            @Schema(description = "Its rows now", example = "31200")
            long rows,

            @Schema(description = "Kept rows that were wrong or should not have been there", example = "0")
            long stale,

            @Schema(description = "Rows that were not kept", example = "0")
            long missing) {

        static TableResponse of(FiguresRebuild.TableCount t) {
            return new TableResponse(t.table(), t.rows(), t.stale(), t.missing());
        }
    }
}
