package io.liaison.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of a command run as {@code java -jar liaison.jar NAME --option value ...}: each given
 * as {@code --option value} or {@code --option=value}, a later one replacing an earlier one of the same
 * name. A wrong option or value is an {@link IllegalArgumentException} whose message starts with the
 * command's name and says what was wrong, for the command to print above its usage.
 */
public final class CommandArguments {

    private final String command;
    private final Map<String, String> values;

    private CommandArguments(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /**
     * Reads {@code args}, whose first element is the command's name; an option outside {@code known}
     * or one without a value is refused.
     */
    public static CommandArguments parse(String command, String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals >= 0 ? arg.substring(0, equals) : arg;
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(command + ": " + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException(command + ": unknown option " + name);
            }
            values.put(name, value);
        }
        return new CommandArguments(command, values);
    }

    /** The value given for {@code name}, if it was given. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value given for {@code name}, refused when missing. */
    public String required(String name) {
        return value(name).orElseThrow(() -> wrong(name + " is required"));
    }

    /**
     * The whole number given for {@code name} (underscores between digits allowed), else {@code
     * fallback}; refused when it is no whole number or outside {@code min} to {@code max}.
     */
    public long number(String name, long fallback, long min, long max) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(value.get().replace("_", ""));
        } catch (NumberFormatException e) {
            throw wrong(name + " must be a whole number, not '" + value.get() + "'");
        }
        if (n < min || n > max) {
            throw wrong(name + " must be between " + min + " and " + max);
        }
        return n;
    }

    /** A refusal of the arguments that says {@code what}, after the command's name. */
    public IllegalArgumentException wrong(String what) {
        return new IllegalArgumentException(command + ": " + what);
    }
}
