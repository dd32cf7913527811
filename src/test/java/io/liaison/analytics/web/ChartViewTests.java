package io.liaison.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ChartViewTests {

    @Test
    void theTableBodyShowsNamesAsTypedAndAValuePerDataset() {
        ChartView view = new ChartView(
                "tags",
                "Contacts by tag",
                "bar",
                false,
                true,
                "Tag",
                List.of("<b>VIP</b> & \"key\"", "老客户"),
                List.of(
                        new ChartView.Dataset("Active", Arrays.asList(new BigDecimal("3"), null), false),
                        new ChartView.Dataset("New", List.of(new BigDecimal("1.5"), BigDecimal.ZERO), false)));

        Element body = Jsoup.parse("<table><tbody>" + view.tableBody() + "</tbody></table>")
                .selectFirst("tbody");

        assertThat(body.select("b")).as("a tag's name is text, never markup").isEmpty();
        assertThat(body.select("tr").eachText()).containsExactly("<b>VIP</b> & \"key\" 3 1.5", "老客户 0");
        assertThat(body.select("tr").get(1).select("td")).hasSize(2);
        assertThat(body.select("th[scope=row]")).hasSize(2);
    }
}
