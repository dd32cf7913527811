package io.liaison.contact.api;

import io.liaison.contact.ContactBatch;
import io.liaison.contact.ContactSuggestion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answers of the contact operations that are not a contact or a page of them. */
final class ContactAnswers {

    private ContactAnswers() {}

    /** The ten best matches for type-ahead. */
    record Suggestions(List<ContactSuggestion> items) {}

    /** How many contacts match; {@code exact} is false when counting stopped at a bound. */
    record Count(@Schema(example = "1280") int count, boolean exact) {}

    /** A batch's outcome per contact, in the order of the request. */
    record BatchResults(List<ContactBatch.Result> results) {}
}
