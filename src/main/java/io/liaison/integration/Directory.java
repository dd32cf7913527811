package io.liaison.integration;

import io.liaison.contact.ContactSetup;
import io.liaison.contact.CustomField;
import io.liaison.contact.SetupPermissions;
import io.liaison.contact.Tag;
import io.liaison.contact.TagGroup;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.MemberFilter;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.InvalidValue;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the cells of a file name by text, read once per job: tags by name, members by login or
 * display name, custom fields by key. Tags a file names that do not exist are created, when the
 * job asks for it, in the group {@value #IMPORTED_GROUP}.
 */
final class Directory {

    static final String IMPORTED_GROUP = "导入 Imported";

    private static final Set<String> PHONE_LABELS = Set.of(
            "mobile",
            "iphone",
            "home",
            "work",
            "main",
            "other",
            "pager",
            "fax",
            "home-fax",
            "work-fax",
            "other-fax",
            "car");

    private final Actor actor;
    private final ContactSetup setup;
    private final boolean createMissingTags;
    private final Map<String, List<UUID>> tags = new HashMap<>();
    private final Map<String, List<UUID>> members = new HashMap<>();
    private final Map<String, CustomField> customFields = new LinkedHashMap<>();
    private final List<String> createdSinceCommit = new ArrayList<>();
    private final String phoneRegion;
    private final Locale locale;
    private final StoredMessages texts;

    Directory(Actor actor, Services services, boolean createMissingTags) {
        this.actor = actor;
        this.setup = services.setup();
        this.createMissingTags = createMissingTags;
        this.phoneRegion = setup.phoneRegion(actor);
        this.texts = services.texts();
        // Labels are the organization's data, as its default tag groups are: in its language.
        this.locale = Locale.forLanguageTag(
                services.organizations().get(actor.orgId()).locale());
        MemberService memberService = services.members();
        for (TagGroup group : setup.tagGroups(actor)) {
            for (Tag tag : group.tags()) {
                tags.computeIfAbsent(key(tag.name()), k -> new ArrayList<>()).add(tag.id());
            }
        }
        String cursor = null;
        do {
            CursorPage<Member> page =
                    memberService.list(actor, new MemberFilter(null, null, false), cursor, CursorPage.MAX_LIMIT);
            for (Member m : page.items()) {
                members.computeIfAbsent(key(m.login()), k -> new ArrayList<>()).add(m.id());
                if (!key(m.displayName()).equals(key(m.login()))) {
                    members.computeIfAbsent(key(m.displayName()), k -> new ArrayList<>())
                            .add(m.id());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        setup.customFields(actor).forEach(f -> customFields.put(f.key(), f));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Custom field keys by label, for recognising headers. */
    Map<String, String> customFieldKeysByLabel() {
        Map<String, String> result = new LinkedHashMap<>();
        customFields.values().forEach(f -> result.put(f.label(), f.key()));
        return result;
    }

    /** What a directory reads: tags and fields, members, the organization, and message texts. */
    record Services(
            ContactSetup setup, MemberService members, OrganizationService organizations, StoredMessages texts) {}

    /**
     * A phone's label in the organization's language when it is one of the vCard types or
     * Apple's own labels ({@code mobile}, {@code work fax} → 手机, 工作传真), else as the file has it.
     */
    String phoneLabel(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        return PHONE_LABELS.contains(key) ? texts.text(Message.of("phone.label." + key), locale) : label;
    }

    /** The region a number without a country code is read in. */
    String phoneRegion() {
        return phoneRegion;
    }

    @Nullable
    CustomField customField(String key) {
        return customFields.get(key);
    }

    /** The tag of this name; a missing one is created when the job allows it. */
    UUID tag(String name) {
        List<UUID> found = tags.getOrDefault(key(name), List.of());
        if (found.size() > 1) {
            throw new InvalidValue("invalid.tag-ambiguous", name, found.size());
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (!createMissingTags) {
            throw new InvalidValue("invalid.tag-missing", name);
        }
        try {
            Tag created = setup.createTag(actor, importedGroup(), name.strip());
            tags.put(key(name), List.of(created.id()));
            createdSinceCommit.add(key(name));
            return created.id();
        } catch (LiaisonException e) {
            throw new InvalidValue("invalid.tag-not-created", name, e.detail());
        }
    }

    /** The batch that created tags was rolled back (a dry run): they do not exist after all. */
    void rolledBack() {
        createdSinceCommit.forEach(tags::remove);
        createdSinceCommit.clear();
    }

    void committed() {
        createdSinceCommit.clear();
    }

    private UUID importedGroup() {
        return setup.tagGroups(actor).stream()
                .filter(g -> g.name().equals(IMPORTED_GROUP))
                .map(TagGroup::id)
                .findFirst()
                .orElseGet(() ->
                        setup.createTagGroup(actor, IMPORTED_GROUP, "#8c8c8c").id());
    }

    /** The member of this login or display name. */
    UUID member(String name) {
        List<UUID> found = members.getOrDefault(key(name), List.of());
        if (found.isEmpty()) {
            throw new InvalidValue("invalid.member-unknown", name);
        }
        if (found.size() > 1) {
            throw new InvalidValue("invalid.member-ambiguous", name, found.size());
        }
        return found.get(0);
    }

    /** Whether the job may create tags at all: checked once, before any row. */
    static void requireTagRights(Actor actor, boolean createMissingTags) {
        if (createMissingTags && !actor.can(SetupPermissions.TAG_MANAGE)) {
            throw LiaisonException.invalid("createMissingTags", "invalid.create-tags-permission");
        }
    }
}
