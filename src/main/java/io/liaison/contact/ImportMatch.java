package io.liaison.contact;

/** What an imported row is matched on against the contacts there are. */
public enum ImportMatch {
    MOBILE("mobile"),
    EMAIL("e-mail address"),
    EXTERNAL_ID("external id"),
    NAME_COMPANY("name and company");

    final String label;

    ImportMatch(String label) {
        this.label = label;
    }
}
