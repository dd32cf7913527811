package io.liaison.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text a person reads, as a message code of the bundles and its arguments, so that it is said in
 * the reader's language when it is shown, not in the language of whoever produced it. An argument
 * is a value (a name, a number) or itself a {@code Message} (a field's label, a rule), which the
 * message source resolves in the same language. {@code fallback} is what is shown when no bundle
 * has the code: only a field's label has one, the field's own name, for the fields named by a
 * request (a property of a JSON body) rather than by Liaison.
 */
public record Message(
        String code, List<Object> args, @Nullable String fallback) implements MessageSourceResolvable {

    public Message {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Message of(String code, Object... args) {
        return new Message(code, Arrays.asList(args), null);
    }

    /** The label of a field, {@code field.<name>}, or the name itself when no bundle has one. */
    public static Message label(String name) {
        return new Message("field." + name, List.of(), name);
    }

    @Override
    public @Nullable String getDefaultMessage() {
        return fallback;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
