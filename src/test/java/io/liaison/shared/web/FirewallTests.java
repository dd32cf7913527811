package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The firewall's loop keeps Spring Security's rules exactly: compared with the regular expressions it
 * replaces, for every code point of Unicode, alone and between letters, and for lone surrogates.
 */
class FirewallTests {

    // the expressions of StrictHttpFirewall's defaults
    static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsWhatTheExpressionsAcceptForEveryCodePoint() {
        int refused = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = "a" + Character.toString(c) + "张";
            boolean name = Firewall.printable(text, false);
            assertThat(name)
                    .as("U+%04X in a name", c)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(Firewall.printable(text, true))
                    .as("U+%04X in a header value", c)
                    .isEqualTo(HEADER_VALUE.matcher(text).matches());
            refused += name ? 0 : 1;
        }
        // the controls and the unassigned code points, hundreds of thousands of them
        assertThat(refused).isGreaterThan(100_000);
        assertThat(Firewall.printable("tag\tId", false)).isFalse();
        assertThat(Firewall.printable("tag\tId", true)).isTrue();
        assertThat(Firewall.printable("", false)).isTrue();
        for (String lone : new String[] {"\uD83D", "x\uDE00", "\uDE00\uD83D"}) {
            assertThat(Firewall.printable(lone, false))
                    .isEqualTo(NAME.matcher(lone).matches());
        }
    }
}
