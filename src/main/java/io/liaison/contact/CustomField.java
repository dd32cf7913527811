package io.liaison.contact;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A field an organization adds to its contacts. {@code key} names the value in a contact's {@code
 * customFields}; it and {@code type} never change, so stored values keep their meaning.
 */
public record CustomField(
        UUID id,
        @Schema(example = "industry") String key,
        @Schema(example = "行业") String label,

        @Schema(
                allowableValues = {TEXT, NUMBER, DATE, SELECT, MULTISELECT},
                example = SELECT)
        String type,

        @ArraySchema(schema = @Schema(example = "零售")) List<String> options,
        boolean required,
        int order,
        long version) {

    public static final String TEXT = "text";
    public static final String NUMBER = "number";
    public static final String DATE = "date";
    public static final String SELECT = "select";
    public static final String MULTISELECT = "multiselect";
    public static final List<String> TYPES = List.of(TEXT, NUMBER, DATE, SELECT, MULTISELECT);
    public static final Set<String> WITH_OPTIONS = Set.of(SELECT, MULTISELECT);

    public CustomField {
        options = List.copyOf(options);
    }

    public boolean hasOptions() {
        return WITH_OPTIONS.contains(type);
    }
}
