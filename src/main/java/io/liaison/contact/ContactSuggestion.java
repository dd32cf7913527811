package io.liaison.contact;

import io.liaison.contact.search.SearchText;
import io.liaison.shared.PhoneNumbers;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact offered while typing: who it is and where the query matched, one of {@code name},
 * {@code pinyin}, {@code initials}, {@code company}, {@code remark}, {@code mobile} or {@code email}.
 */
public record ContactSuggestion(
        UUID id,
        @Schema(example = "王芳") String name,
        @Schema(example = "杭州丝绸") @Nullable String company,

        @Schema(
                allowableValues = {"name", "pinyin", "initials", "company", "remark", "mobile", "email"},
                example = "pinyin")
        String matched) {

    static final int LIMIT = 10;

    static ContactSuggestion of(Contact c, int tier, String q) {
        return new ContactSuggestion(c.id(), c.name(), c.fields().company(), matched(c, tier, q));
    }

    private static String matched(Contact c, int tier, String q) {
        switch (tier) {
            case SearchText.PINYIN:
                return "pinyin";
            case SearchText.INITIALS:
                return "initials";
            case SearchText.OTHER:
                break;
            default:
                return "name";
        }
        String flat = SearchText.flat(q);
        if (contains(c.fields().company(), flat)) {
            return "company";
        }
        if (contains(c.fields().remark(), flat)) {
            return "remark";
        }
        String digits = PhoneNumbers.digits(q);
        if (digits.length() >= 4
                && c.fields().mobile() != null
                && PhoneNumbers.digits(c.fields().mobile()).contains(digits)) {
            return "mobile";
        }
        return "email";
    }

    private static boolean contains(@Nullable String field, String flat) {
        return field != null && !flat.isEmpty() && SearchText.flat(field).contains(flat);
    }
}
