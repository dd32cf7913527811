package io.liaison.review.duplicate;

/**
 * One reason to think two contacts are one person: a code ({@code mobile}, {@code email}, {@code
 * external-id}, {@code name}, {@code pinyin}, {@code name-edit}, {@code company}, {@code domain}) and the
 * value both share, shown in words through the message {@code review.evidence.<code>}.
 */
public record Evidence(String code, String value) {

    public static final String MOBILE = "mobile";
    public static final String EMAIL = "email";
    public static final String EXTERNAL_ID = "external-id";
    public static final String NAME = "name";
    public static final String PINYIN = "pinyin";
    public static final String NAME_EDIT = "name-edit";
    public static final String COMPANY = "company";
    public static final String DOMAIN = "domain";

    /** Whether this evidence alone says the two are one person (a key only one person has). */
    public boolean exact() {
        return code.equals(MOBILE) || code.equals(EMAIL) || code.equals(EXTERNAL_ID);
    }
}
