package io.liaison.contact;

import io.liaison.contact.field.CustomFieldService;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The organization's tag groups and custom fields as other modules use them: to read them, and to
 * add the tags an import names. Checked as on the tag and field pages.
 */
@Service
public class ContactSetup {

    private final TagService tags;
    private final CustomFieldService customFields;

    private final ContactReferences references;

    ContactSetup(TagService tags, CustomFieldService customFields, ContactReferences references) {
        this.tags = tags;
        this.customFields = customFields;
        this.references = references;
    }

    /** The region a phone number without a country code is read in, as the organization sets it. */
    public String phoneRegion(Actor actor) {
        return references.phoneRegion(actor.orgId());
    }

    /** The tag groups with their tags, in their order. */
    public List<TagGroup> tagGroups(Actor actor) {
        return tags.list(actor);
    }

    /** One of the organization's tags; 404 for another organization's or none. */
    public Tag tag(Actor actor, UUID id) {
        return tags.tag(actor, id);
    }

    /** A new, non-exclusive tag group at the end, with its color as {@code #rrggbb}. */
    public TagGroup createTagGroup(Actor actor, String name, String color) {
        return tags.createGroup(actor, name, color, null, false);
    }

    /** A new tag at the end of its group. */
    public Tag createTag(Actor actor, UUID groupId, String name) {
        return tags.createTag(actor, groupId, name, null);
    }

    /** The custom fields, in their order. */
    public List<CustomField> customFields(Actor actor) {
        return customFields.list(actor);
    }
}
