package io.liaison.demo;

import io.liaison.analytics.FiguresRebuild;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** After a demo load, the analytics figures are recomputed from the rows the demo wrote. */
@Component
class FiguresAfterDemoData implements AfterDemoData {

    private final FiguresRebuild figures;

    FiguresAfterDemoData(FiguresRebuild figures) {
        this.figures = figures;
    }

    @Override
    public String what() {
        return "the analytics figures";
    }

    @Override
    public void run(UUID orgId) {
        figures.rebuild(orgId);
    }
}
