package io.liaison.analytics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * One chart of the analytics page as the server computed it: the labels along its axis (periods, tags,
 * sources or members) and a dataset per figure, each a value per label. The page draws it with
 * Chart.js from its JSON, shows the same numbers as a table and offers them as CSV.
 *
 * @param id the chart's name in the page and in its CSV's address
 * @param type {@code line}, {@code bar} or {@code doughnut}
 * @param stacked bars of the datasets stacked
 * @param horizontal bars along the horizontal axis (long names, such as tags and members)
 * @param axis the header of the labels' column in the table
 */
record ChartView(
        String id,
        String title,
        String type,
        boolean stacked,
        boolean horizontal,
        String axis,
        List<String> labels,
        List<Dataset> datasets) {

    /** One figure's values, one per label; {@code secondAxis} puts it on a scale of its own (minutes). */
    record Dataset(String name, List<@Nullable BigDecimal> values, boolean secondAxis) {}

    /** Are there labels to draw (a ranking of nothing has none)? */
    public boolean hasData() {
        return !labels.isEmpty();
    }

    /** The table: the axis' header and each dataset's name. */
    public List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(axis);
        datasets.forEach(d -> header.add(d.name()));
        return header;
    }

    /** The table's rows, a label and its value in each dataset (empty for none). */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(labels.get(i));
            for (Dataset d : datasets) {
                BigDecimal value = d.values().get(i);
                row.add(value == null ? "" : value.toPlainString());
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The table's body as HTML, names escaped: a row per label. Written by the page as one piece, not cell by
     * cell: the page's ten charts over 30 days have some 600 cells, and each loop step and expression of a
     * template is a request attribute set and read through the security filters' wrappers (at 10^6, JFR put
     * 70 % of the page's CPU in Thymeleaf; without the cells' expressions a page takes 19 ms, not 27-34).
     */
    public String tableBody() {
        StringBuilder html = new StringBuilder();
        for (List<String> row : rows()) {
            html.append("<tr><th scope=\"row\">")
                    .append(HtmlUtils.htmlEscape(row.get(0)))
                    .append("</th>");
            for (String cell : row.subList(1, row.size())) {
                html.append("<td class=\"text-end\">")
                        .append(HtmlUtils.htmlEscape(cell))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.toString();
    }
}
