package io.liaison.analytics.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.analytics.engagement.ContactEngagement;
import io.liaison.analytics.engagement.ContactEngagement.Engagement;
import io.liaison.analytics.engagement.EngagementScore;
import io.liaison.identity.Actor;
import io.liaison.shared.web.ViewerTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The engagement card of the contact page, which loads it over htmx (the contact module does not know
 * analytics): the latest contact, how many days ago in the viewer's zone, the score and its trend as a
 * small line with a sentence and a table for those who cannot see it.
 */
@Controller
@HxRequest
class EngagementPanel {

    /** The line's box, in SVG units: a point a week, the score's 0 to 100 from bottom to top. */
    static final int STEP = 20;

    static final int HEIGHT = 40;
    static final int MARGIN = 3;

    private final ContactEngagement engagement;

    EngagementPanel(ContactEngagement engagement) {
        this.engagement = engagement;
    }

    /** What the card shows: {@code daysAgo} counts the viewer's days since the latest contact. */
    record View(Engagement engagement, @Nullable Long daysAgo, String points, int width, int lastX, int lastY) {

        static View of(Engagement e) {
            Long daysAgo = null;
            if (e.lastActivityAt() != null) {
                LocalDate today = Instant.now().atZone(ViewerTimes.zone()).toLocalDate();
                LocalDate day =
                        e.lastActivityAt().atZoneSameInstant(ViewerTimes.zone()).toLocalDate();
                daysAgo = Math.max(0, ChronoUnit.DAYS.between(day, today));
            }
            List<EngagementScore.Week> trend = e.trend();
            StringJoiner points = new StringJoiner(" ");
            for (int i = 0; i < trend.size(); i++) {
                points.add(x(i) + "," + y(trend.get(i).score()));
            }
            int last = trend.size() - 1;
            return new View(
                    e,
                    daysAgo,
                    points.toString(),
                    x(last) + MARGIN,
                    x(last),
                    y(trend.get(last).score()));
        }

        private static int x(int index) {
            return MARGIN + index * STEP;
        }

        private static int y(int score) {
            return MARGIN + Math.round((HEIGHT - 2f * MARGIN) * (EngagementScore.MAX_SCORE - score) / 100f);
        }
    }

    @GetMapping("/contacts/{id}/engagement")
    String card(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("view", View.of(engagement.of(actor, id)));
        model.addAttribute("height", HEIGHT);
        return "analytics/engagement :: card";
    }
}
