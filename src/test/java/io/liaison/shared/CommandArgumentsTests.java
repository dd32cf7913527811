package io.liaison.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandArgumentsTests {

    private static final Set<String> KNOWN = Set.of("--size", "--name");

    @Test
    void optionsAreReadSpacedOrWithAnEqualsSignAndTheLastOneCounts() {
        CommandArguments arguments =
                CommandArguments.parse("cmd", new String[] {"cmd", "--size", "3", "--name=a=b", "--size=1_000"}, KNOWN);
        assertThat(arguments.value("--name")).hasValue("a=b");
        assertThat(arguments.number("--size", 7, 1, 5_000)).isEqualTo(1_000);
        assertThat(arguments.required("--name")).isEqualTo("a=b");
    }

    @Test
    void aMissingOptionIsItsFallbackOrRefusedWhenRequired() {
        CommandArguments none = CommandArguments.parse("cmd", new String[] {"cmd"}, KNOWN);
        assertThat(none.value("--name")).isEmpty();
        assertThat(none.number("--size", 7, 1, 10)).isEqualTo(7);
        assertThatThrownBy(() -> none.required("--name")).hasMessage("cmd: --name is required");
    }

    @Test
    void wrongArgumentsAreRefusedSayingWhatWasWrong() {
        assertThatThrownBy(() -> CommandArguments.parse("cmd", new String[] {"cmd", "--colour", "red"}, KNOWN))
                .hasMessage("cmd: unknown option --colour");
        assertThatThrownBy(() -> CommandArguments.parse("cmd", new String[] {"cmd", "--size"}, KNOWN))
                .hasMessage("cmd: --size needs a value");
        CommandArguments size = CommandArguments.parse("cmd", new String[] {"cmd", "--size", "abc"}, KNOWN);
        assertThatThrownBy(() -> size.number("--size", 7, 1, 10))
                .hasMessage("cmd: --size must be a whole number, not 'abc'");
        CommandArguments big = CommandArguments.parse("cmd", new String[] {"cmd", "--size=11"}, KNOWN);
        assertThatThrownBy(() -> big.number("--size", 7, 1, 10)).hasMessage("cmd: --size must be between 1 and 10");
    }

    @Test
    void badArgumentsEndTheCommandWithTheProblemAndTheUsageBeforeAnythingStarts() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = HeadlessCommand.run(
                Object.class,
                "cmd",
                "Usage: cmd --size N",
                new String[] {"cmd", "--size", "abc"},
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                args -> CommandArguments.parse("cmd", args, KNOWN).number("--size", 7, 1, 10),
                (size, context) -> {
                    throw new AssertionError("the application must not start");
                });
        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("cmd: --size must be a whole number, not 'abc'"
                        + System.lineSeparator()
                        + "Usage: cmd --size N"
                        + System.lineSeparator());
    }
}
