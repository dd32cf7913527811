package bench.floor;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One SQL statement as Liaison's query layer sent it over JDBC, with its parameters as pairs of a
 * type and a text, so that the floor application can run the very same statement.
 */
public record FloorStatement(String sql, List<List<@Nullable String>> params) {

    private static final List<String> SCALARS = List.of(
            "UUID", "String", "Integer", "Long", "Boolean", "Double", "BigDecimal", "OffsetDateTime", "LocalDate");

    /** The statements of one request: what {@code member} runs for {@code uri} (path and raw query). */
    public record Request(UUID member, String uri, List<FloorStatement> statements) {}

    /** A parameter as a type and a text; fails on a type the floor cannot send back. */
    public static List<@Nullable String> encode(@Nullable Object value) {
        if (value == null) {
            return Arrays.asList("null", null);
        }
        if (value instanceof Object[] array) {
            String base = array.getClass().getComponentType().getSimpleName();
            List<@Nullable String> pair = new ArrayList<>(List.of(base + "[]"));
            for (Object element : array) {
                pair.add(String.valueOf(element));
            }
            return pair;
        }
        String type = value instanceof Short ? "Integer" : value.getClass().getSimpleName();
        if (value instanceof Timestamp t) {
            return List.of("OffsetDateTime", t.toInstant().toString());
        }
        if (!SCALARS.contains(type)) {
            throw new IllegalArgumentException("a parameter of type " + value.getClass() + " is not sent");
        }
        return List.of(type, value.toString());
    }

    /** The parameter {@link #encode} wrote. */
    public static @Nullable Object decode(List<@Nullable String> pair) {
        String type = pair.get(0);
        List<@Nullable String> values = pair.subList(1, pair.size());
        if (type.endsWith("[]")) {
            String base = type.substring(0, type.length() - 2);
            return switch (base) {
                case "UUID" -> values.stream().map(UUID::fromString).toArray(UUID[]::new);
                case "String" -> values.toArray(String[]::new);
                case "Integer" -> values.stream().map(Integer::valueOf).toArray(Integer[]::new);
                case "Long" -> values.stream().map(Long::valueOf).toArray(Long[]::new);
                default -> throw new IllegalArgumentException("an array of " + base + " is not sent");
            };
        }
        String value = values.get(0);
        return switch (type) {
            case "null" -> null;
            case "UUID" -> UUID.fromString(value);
            case "String" -> value;
            case "Integer" -> Integer.valueOf(value);
            case "Long" -> Long.valueOf(value);
            case "Boolean" -> Boolean.valueOf(value);
            case "Double" -> Double.valueOf(value);
            case "BigDecimal" -> new BigDecimal(value);
            case "OffsetDateTime" -> OffsetDateTime.parse(value);
            case "LocalDate" -> LocalDate.parse(value);
            default -> throw new IllegalArgumentException("a parameter of type " + type + " is not sent");
        };
    }
}
