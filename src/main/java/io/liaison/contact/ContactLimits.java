package io.liaison.contact;

import io.liaison.contact.field.CustomFieldService;

/**
 * The most a contact's fields may hold, which {@code ContactFields} enforces and the API documents:
 * lengths in characters, collections in elements.
 */
public final class ContactLimits {

    public static final int NAME = 100;
    public static final int COMPANY = 200;
    public static final int TITLE = 100;
    public static final int ADDRESS = 500;
    public static final int REMARK = 5000;
    public static final int EMAIL = 254;
    /** An http(s) address has at most 1000 characters; a photo as a data: URL at most this (32 KB in base64). */
    public static final int AVATAR_URL = 48 * 1024;

    public static final int PHONES = 20;
    public static final int EMAILS = 20;
    public static final int EXTERNAL_IDS = 50;
    public static final int EXTERNAL_ID = 200;
    /** How many tags one contact may carry. */
    public static final int TAGS = 100;

    public static final int CUSTOM_FIELDS = CustomFieldService.MAX_FIELDS;
    public static final int SHARES = 200;
    public static final int COLLABORATORS = 100;

    private ContactLimits() {}
}
