package io.liaison.shared;

/**
 * A value that breaks a rule, said as a message code before the caller knows which field held it;
 * the caller names the field ({@link LiaisonException.FieldError#of(String, Message)}).
 */
public class InvalidValue extends IllegalArgumentException {

    private final Message rule;

    public InvalidValue(String rule, Object... args) {
        super(rule);
        this.rule = Message.of(rule, args);
    }

    public Message rule() {
        return rule;
    }
}
