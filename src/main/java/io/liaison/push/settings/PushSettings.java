package io.liaison.push.settings;

import io.liaison.shared.LiaisonException;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An organization's push rules: at most {@code perDay} and {@code perMonth} pushes reach one contact
 * (0: no cap), counted over all pushes in the organization's days and months; a push whose audience
 * is larger than {@code approvalOver} waits for approval (null: never); nothing leaves during quiet
 * hours (in the organization's time zone; {@code quietStart} after {@code quietEnd} spans midnight);
 * one push reaches at most {@code maxRecipients}.
 */
public record PushSettings(
        int perDay,
        int perMonth,
        @Nullable Integer approvalOver,
        @Nullable LocalTime quietStart,
        @Nullable LocalTime quietEnd,
        int maxRecipients) {

    public static final int MAX_PER_DAY = 100;
    public static final int MAX_PER_MONTH = 1_000;
    public static final int MAX_RECIPIENTS = 10_000_000;

    public static final PushSettings DEFAULTS = new PushSettings(1, 4, null, null, null, 1_000_000);

    /** Refuses values out of range, naming the field. */
    public PushSettings checked() {
        if (perDay < 0 || perDay > MAX_PER_DAY) {
            throw LiaisonException.invalid("perDay", "invalid.between", 0, MAX_PER_DAY);
        }
        if (perMonth < 0 || perMonth > MAX_PER_MONTH) {
            throw LiaisonException.invalid("perMonth", "invalid.between", 0, MAX_PER_MONTH);
        }
        if (approvalOver != null && approvalOver < 0) {
            throw LiaisonException.invalid("approvalOver", "invalid.between", 0, MAX_RECIPIENTS);
        }
        if ((quietStart == null) != (quietEnd == null) || (quietStart != null && quietStart.equals(quietEnd))) {
            throw LiaisonException.invalid("quietHours", "invalid.notify-quiet-hours");
        }
        if (maxRecipients < 1 || maxRecipients > MAX_RECIPIENTS) {
            throw LiaisonException.invalid("maxRecipients", "invalid.between", 1, MAX_RECIPIENTS);
        }
        return this;
    }

    /** Whether a push to {@code audience} recipients waits for approval. */
    public boolean needsApproval(int audience) {
        return approvalOver != null && audience > approvalOver;
    }

    /** The values by name, for the audit log. */
    Map<String, @Nullable Object> values() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("perDay", perDay);
        values.put("perMonth", perMonth);
        values.put("approvalOver", approvalOver);
        values.put("quietStart", quietStart == null ? null : quietStart.toString());
        values.put("quietEnd", quietEnd == null ? null : quietEnd.toString());
        values.put("maxRecipients", maxRecipients);
        return values;
    }
}
