package io.liaison.contact.tag;

import io.liaison.contact.ContactSettingChanged;
import io.liaison.contact.SetupPermissions;
import io.liaison.contact.Tag;
import io.liaison.contact.TagGroup;
import io.liaison.contact.TagsDeleted;
import io.liaison.identity.Actor;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's tag groups and their tags: everyone reads them, administrators shape them.
 * Deleting a tag takes it off its contacts and says so in each contact's timeline.
 */
@Service
public class TagService {

    public static final Set<String> GROUP_PATCHABLE = Set.of("name", "color", "order", "exclusive");
    public static final Set<String> TAG_PATCHABLE = Set.of("name", "order", "groupId");
    static final int MAX_TAGS = 3000;
    /** The most characters of a tag's or a tag group's name. */
    public static final int MAX_NAME = 30;

    /** A colour as #RRGGBB; spaces around it are trimmed and it is stored in upper case. */
    public static final String COLOR_PATTERN = "^#[0-9A-Fa-f]{6}$";

    private static final Pattern COLOR = Pattern.compile(COLOR_PATTERN);

    private final TagGroupRepository groups;
    private final TagRepository tags;
    private final ApplicationEventPublisher events;

    TagService(TagGroupRepository groups, TagRepository tags, ApplicationEventPublisher events) {
        this.groups = groups;
        this.tags = tags;
        this.events = events;
    }

    /**
     * Every group with its tags, both by order then name, without counts: what pickers and chips need.
     * Counting reads every tagged contact of the organization (half a second at 10^5 contacts), so only
     * the tag pages count, through {@link #listCounted}.
     */
    @Transactional(readOnly = true)
    public List<TagGroup> list(Actor actor) {
        return listed(actor, false);
    }

    /** {@link #list} with each tag's number of live contacts, for those who manage tags. */
    @Transactional(readOnly = true)
    public List<TagGroup> listCounted(Actor actor) {
        return listed(actor, actor.can(SetupPermissions.TAG_MANAGE));
    }

    private List<TagGroup> listed(Actor actor, boolean withCounts) {
        Map<UUID, List<Tag>> byGroup =
                tags.findAll(actor.orgId(), withCounts).stream().collect(Collectors.groupingBy(Tag::groupId));
        return groups.findAll(actor.orgId()).stream()
                .map(g -> g.withTags(byGroup.getOrDefault(g.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public TagGroup group(Actor actor, UUID id) {
        TagGroup group = groups.find(actor.orgId(), id).orElseThrow(() -> groupNotFound(id));
        return group.withTags(tags.findInGroup(actor.orgId(), id));
    }

    @Transactional(readOnly = true)
    public Tag tag(Actor actor, UUID id) {
        return tags.find(actor.orgId(), id, actor.can(SetupPermissions.TAG_MANAGE))
                .orElseThrow(() -> tagNotFound(id));
    }

    /** A new group; without a colour it gets {@link #nextColor}. */
    @Transactional
    public TagGroup createGroup(
            Actor actor, @Nullable String name, @Nullable String color, @Nullable Integer order, boolean exclusive) {
        requireTagManager(actor);
        String clean = validName(name);
        String validColor = color == null || color.isBlank() ? nextColor(actor) : validColor(color);
        SortOrder.checked("order", order);
        requireFreeGroupName(actor.orgId(), clean, null);
        UUID id = Ids.newId();
        groups.insert(
                actor.orgId(),
                id,
                clean,
                validColor,
                order == null ? groups.nextOrder(actor.orgId()) : order,
                exclusive);
        TagGroup created = group(actor, id);
        audit(actor, "tag-group", "created", id, Map.of(), values(created));
        return created;
    }

    /** The colour a group created without one gets: the next of {@link TagPalette} that no group has. */
    @Transactional(readOnly = true)
    public String nextColor(Actor actor) {
        return TagPalette.next(
                groups.findAll(actor.orgId()).stream().map(TagGroup::color).toList());
    }

    /** Applies a merge patch of name, color, order and exclusive; {@code expectedVersion} comes from If-Match. */
    @Transactional
    public TagGroup updateGroup(
            Actor actor, UUID id, Map<String, @Nullable Object> changes, @Nullable Long expectedVersion) {
        requireTagManager(actor);
        MergePatch patch = new MergePatch(changes, GROUP_PATCHABLE);
        TagGroup current = group(actor, id);
        requireVersion(expectedVersion, current.version());
        String name = patch.has("name") ? validName(patch.text("name")) : current.name();
        String color = patch.has("color") ? validColor(patch.text("color")) : current.color();
        Integer order = patch.has("order")
                ? SortOrder.checked("order", patch.integer("order"))
                : Integer.valueOf(current.order());
        boolean exclusive = patch.has("exclusive") ? patch.bool("exclusive") : current.exclusive();
        requireFreeGroupName(actor.orgId(), name, id);
        if (exclusive && !current.exclusive()) {
            int violating = groups.contactsWithSeveralTags(actor.orgId(), id);
            if (violating > 0) {
                throw notExclusive(name, violating);
            }
        }
        if (!groups.update(actor.orgId(), id, name, color, order == null ? 0 : order, exclusive, current.version())) {
            throw LiaisonException.stale(current.version(), group(actor, id).version());
        }
        TagGroup changed = group(actor, id);
        audit(actor, "tag-group", "updated", id, values(current), values(changed));
        return changed;
    }

    /** Deletes the group and its tags, taking them off every contact that carried them. */
    @Transactional
    public void deleteGroup(Actor actor, UUID id, @Nullable Long expectedVersion) {
        requireTagManager(actor);
        TagGroup current = group(actor, id);
        requireVersion(expectedVersion, current.version());
        removeTags(actor, current.tags().stream().map(Tag::id).toList());
        groups.delete(actor.orgId(), id);
        audit(actor, "tag-group", "deleted", id, values(current), Map.of());
    }

    @Transactional
    public Tag createTag(Actor actor, UUID groupId, @Nullable String name, @Nullable Integer order) {
        requireTagManager(actor);
        group(actor, groupId);
        String clean = validName(name);
        SortOrder.checked("order", order);
        if (tags.countLocked(actor.orgId()) >= MAX_TAGS) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_ENTITY, "tag-limit", MAX_TAGS);
        }
        requireFreeTagName(actor.orgId(), groupId, clean, null);
        UUID id = Ids.newId();
        tags.insert(actor.orgId(), id, groupId, clean, order == null ? tags.nextOrder(actor.orgId(), groupId) : order);
        Tag created = tag(actor, id);
        audit(actor, "tag", "created", id, Map.of(), values(created));
        return created;
    }

    /** Renames, reorders or moves a tag to another group; contacts keep it, as they refer to its id. */
    @Transactional
    public Tag updateTag(Actor actor, UUID id, Map<String, @Nullable Object> changes, @Nullable Long expectedVersion) {
        requireTagManager(actor);
        MergePatch patch = new MergePatch(changes, TAG_PATCHABLE);
        Tag current = tag(actor, id);
        requireVersion(expectedVersion, current.version());
        String name = patch.has("name") ? validName(patch.text("name")) : current.name();
        Integer order = patch.has("order")
                ? SortOrder.checked("order", patch.integer("order"))
                : Integer.valueOf(current.order());
        UUID groupId = current.groupId();
        if (patch.has("groupId")) {
            UUID target = patch.id("groupId");
            if (target == null) {
                throw LiaisonException.invalid("groupId", "invalid.empty");
            }
            TagGroup group = groups.find(actor.orgId(), target)
                    .orElseThrow(() -> LiaisonException.invalid("groupId", "invalid.unknown-tag-group"));
            if (!target.equals(groupId) && group.exclusive()) {
                int clashing = tags.contactsClashingIn(actor.orgId(), id, target);
                if (clashing > 0) {
                    throw notExclusive(group.name(), clashing);
                }
            }
            groupId = target;
        }
        requireFreeTagName(actor.orgId(), groupId, name, id);
        if (!tags.update(actor.orgId(), id, groupId, name, order == null ? 0 : order, current.version())) {
            throw LiaisonException.stale(current.version(), tag(actor, id).version());
        }
        Tag changed = tag(actor, id);
        audit(actor, "tag", "updated", id, values(current), values(changed));
        return changed;
    }

    /** Deletes the tag, taking it off every contact that carried it. */
    @Transactional
    public void deleteTag(Actor actor, UUID id, @Nullable Long expectedVersion) {
        requireTagManager(actor);
        Tag current = tag(actor, id);
        requireVersion(expectedVersion, current.version());
        removeTags(actor, List.of(id));
        audit(actor, "tag", "deleted", id, values(current), Map.of());
    }

    /** Moves a group one place up ({@code -1}) or down ({@code +1}) among the organization's groups. */
    @Transactional
    public void moveGroup(Actor actor, UUID id, int step) {
        requireTagManager(actor);
        group(actor, id);
        groups.renumber(
                actor.orgId(),
                swapped(groups.findAll(actor.orgId()).stream().map(TagGroup::id).toList(), id, step));
        audit(actor, "tag-group", "reordered", id, Map.of(), Map.of("step", step));
    }

    /** Moves a tag one place up ({@code -1}) or down ({@code +1}) within its group. */
    @Transactional
    public void moveTag(Actor actor, UUID id, int step) {
        requireTagManager(actor);
        Tag tag = tag(actor, id);
        List<UUID> siblings = tags.findInGroup(actor.orgId(), tag.groupId()).stream()
                .map(Tag::id)
                .toList();
        tags.renumber(actor.orgId(), swapped(siblings, id, step));
        audit(actor, "tag", "reordered", id, Map.of(), Map.of("step", step));
    }

    private void audit(
            Actor actor,
            String type,
            String change,
            UUID id,
            Map<String, @Nullable Object> before,
            Map<String, @Nullable Object> after) {
        events.publishEvent(ContactSettingChanged.of(actor, type, change, id, before, after));
    }

    private static Map<String, @Nullable Object> values(TagGroup g) {
        return Map.of("name", g.name(), "color", g.color(), "order", g.order(), "exclusive", g.exclusive());
    }

    private static Map<String, @Nullable Object> values(Tag t) {
        return Map.of("name", t.name(), "order", t.order(), "groupId", t.groupId());
    }

    private void removeTags(Actor actor, List<UUID> tagIds) {
        if (tagIds.isEmpty()) {
            return;
        }
        tags.recordDeletion(actor.orgId(), actor.memberId(), tagIds, Ids.newId());
        events.publishEvent(new TagsDeleted(actor.orgId(), actor.memberId(), tagIds));
        tags.delete(actor.orgId(), tagIds);
    }

    private static List<UUID> swapped(List<UUID> ids, UUID id, int step) {
        List<UUID> order = new ArrayList<>(ids);
        int from = order.indexOf(id);
        int to = from + Integer.signum(step);
        if (to >= 0 && to < order.size()) {
            order.set(from, order.get(to));
            order.set(to, id);
        }
        return order;
    }

    private void requireFreeGroupName(UUID orgId, String name, @Nullable UUID except) {
        if (groups.nameTaken(orgId, name, except)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "tag-group-name-taken", name);
        }
    }

    private void requireFreeTagName(UUID orgId, UUID groupId, String name, @Nullable UUID except) {
        if (tags.nameTaken(orgId, groupId, name, except)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "tag-name-taken", name);
        }
    }

    private static LiaisonException notExclusive(String group, int contacts) {
        return new LiaisonException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "tag-group-not-exclusive",
                contacts + " contact(s) carry more than one tag of the group '" + group
                        + "'; remove the extra tags before making it exclusive.",
                contacts,
                group);
    }

    private static void requireVersion(@Nullable Long expected, long actual) {
        LiaisonException.requireVersion(expected, actual);
    }

    static String validName(@Nullable String name) {
        String clean = name == null ? "" : name.trim();
        int length = clean.codePointCount(0, clean.length());
        if (length < 1 || length > MAX_NAME) {
            throw LiaisonException.invalid("name", "invalid.length", 1, MAX_NAME);
        }
        return clean;
    }

    private static String validColor(@Nullable String color) {
        if (color == null || !COLOR.matcher(color.trim()).matches()) {
            throw LiaisonException.invalid("color", "invalid.colour");
        }
        return color.trim().toUpperCase(Locale.ROOT);
    }

    private static void requireTagManager(Actor actor) {
        if (!actor.can(SetupPermissions.TAG_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-tags");
        }
    }

    private static LiaisonException groupNotFound(UUID id) {
        return LiaisonException.notFound("tag-group", id);
    }

    private static LiaisonException tagNotFound(UUID id) {
        return LiaisonException.notFound("tag", id);
    }
}
