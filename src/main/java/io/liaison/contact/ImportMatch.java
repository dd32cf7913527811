package io.liaison.contact;

import io.liaison.shared.Message;

/** What an imported row is matched on against the contacts there are. */
public enum ImportMatch {
    MOBILE("import.key.mobile"),
    EMAIL("import.key.email"),
    EXTERNAL_ID("import.key.externalId"),
    NAME_COMPANY("import.key.name-company");

    /** What a reason calls the key, such as "mobile number". */
    final Message label;

    ImportMatch(String label) {
        this.label = Message.of(label);
    }
}
