package io.liaison;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code reads the server's time zone: a container's clock runs in UTC, its users in Beijing. A
 * time is shown, typed and exported in the viewer's or the organization's zone ({@code
 * shared.web.ViewerTimes}, {@code Actor.timeZone()}), and pages use no date input of the browser,
 * which shows the browser's language and format instead of the page's.
 */
class TimeZoneRulesTests {

    @Test
    void mainCodeNeverAsksForTheServersZone() {
        noClasses()
                .should()
                .callMethod(ZoneId.class, "systemDefault")
                .orShould()
                .callMethod(TimeZone.class, "getDefault")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .because("the server's zone is not the user's: take the viewer's or the organization's")
                .check(ArchitectureTests.CLASSES);
    }

    static final Pattern SERVER_ZONE_IN_TEMPLATES =
            Pattern.compile("#temporals|#dates|#calendars|type=\"date\"|type=\"datetime-local\"|type=\"time\"");

    @Test
    void templatesFormatTimesOnlyThroughTheViewersZone() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        List<String> offending;
        try (Stream<Path> files = Files.walk(templates)) {
            offending = files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> SERVER_ZONE_IN_TEMPLATES.matcher(read(f)).find())
                    .map(f -> templates.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertThat(offending)
                .as("templates with #temporals (the server's zone) or a browser date input; use @times")
                .isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
