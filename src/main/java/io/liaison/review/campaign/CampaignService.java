package io.liaison.review.campaign;

import io.liaison.contact.ContactAudience;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.review.ReviewPermissions;
import io.liaison.review.finding.FindingStore;
import io.liaison.review.finding.Found;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review campaigns: a member with {@code review.campaign} starts one over the live contacts they see
 * that match a filter of the contact list; each contact's current owner goes through their items
 * before the deadline (confirm, update, mark invalid, move to the trash), and the starter follows
 * their progress and closes it. Who sees what is {@link CampaignScope}'s rule, in every statement.
 */
@Service
public class CampaignService {

    public static final int MAX_ITEMS = 50_000;
    public static final int MAX_NAME = 100;
    public static final int MAX_NOTE = 2_000;
    public static final int MAX_ACTIONS = 200;
    /** The furthest deadline, in days from now. */
    public static final int MAX_DAYS = 366;

    /** The reason of the finding that marking an item invalid opens. */
    public static final String MARKED = "invalid.marked";

    public static final List<String> ACTIONS = List.of("confirm", "update", "invalid", "trash");
    public static final List<String> STATUSES = List.of("pending", "done", "confirm", "update", "invalid", "trash");

    private final CampaignRepository campaigns;
    private final CampaignScope scope;
    private final CampaignNotices notices;
    private final ContactAudience audience;
    private final ContactService contacts;
    private final FindingStore findings;

    CampaignService(
            CampaignRepository campaigns,
            CampaignScope scope,
            CampaignNotices notices,
            ContactAudience audience,
            ContactService contacts,
            FindingStore findings) {
        this.campaigns = campaigns;
        this.scope = scope;
        this.notices = notices;
        this.audience = audience;
        this.contacts = contacts;
        this.findings = findings;
    }

    /** What a new campaign asks: its name, whose contacts (the contact list's filter), until when, and a note. */
    public record NewCampaign(
            @Nullable String name,
            ContactFilter filter,
            @Nullable OffsetDateTime deadline,
            @Nullable String note) {}

    /** One action on one item. */
    public record ItemAction(
            @Nullable UUID itemId, @Nullable String action) {}

    @Transactional
    public Campaign start(Actor actor, NewCampaign request) {
        return start(actor, request, MAX_ITEMS);
    }

    /** {@link #start} with another most items, so that the limit is tried on a few contacts. */
    @Transactional
    Campaign start(Actor actor, NewCampaign request, int maxItems) {
        if (!actor.can(ReviewPermissions.CAMPAIGN)) {
            throw LiaisonException.forbidden("forbidden.start-campaign");
        }
        String name = checked(request);
        OffsetDateTime deadline = request.deadline();
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        var matching = audience.select(actor, request.filter(), List.of());
        int count = campaigns.countAudience(matching, maxItems + 1);
        if (count == 0) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "review-campaign-empty");
        }
        if (count > maxItems) {
            int all = campaigns.countAudience(matching, Integer.MAX_VALUE);
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "review-campaign-too-large", all, maxItems);
        }
        UUID id = Ids.newId();
        campaigns.insert(actor.orgId(), id, name, note, request.filter(), actor.memberId(), deadline, count);
        campaigns.insertItems(actor.orgId(), id, matching);
        notices.started(actor.orgId(), id, name, deadline, campaigns.owners(actor.orgId(), id, false));
        return get(actor, id);
    }

    /** The campaigns the actor sees, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<Campaign> list(Actor actor, @Nullable String cursor, int limit) {
        var rows = campaigns.page(actor.orgId(), scope.campaigns(actor), CursorPage.decode(cursor), limit + 1);
        var page = CursorPage.of(rows, limit, CampaignRepository.Row::id);
        return new CursorPage<>(withCounts(actor, page.items()), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public Campaign get(Actor actor, UUID id) {
        return withCounts(actor, List.of(row(actor, id))).get(0);
    }

    /** Per owner, what they did: every owner for the starter and administrators, the actor's own part for others. */
    @Transactional(readOnly = true)
    public List<MemberProgress> progress(Actor actor, UUID id) {
        CampaignRepository.Row row = row(actor, id);
        return campaigns.progress(actor.orgId(), id, scope.items(actor, row.startedBy(), false));
    }

    /**
     * A page of the campaign's items the actor sees ({@code mine}: only those of contacts they follow),
     * by {@code status}: {@code pending}, {@code done} or one action.
     */
    @Transactional(readOnly = true)
    public CursorPage<CampaignItem> items(
            Actor actor, UUID id, boolean mine, @Nullable String status, @Nullable String cursor, int limit) {
        CampaignRepository.Row row = row(actor, id);
        int after = after(cursor);
        var fetched = campaigns.items(
                actor.orgId(),
                id,
                scope.items(actor, row.startedBy(), mine).and(CampaignScope.status(status)),
                after,
                limit + 1);
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<CampaignItem> items = List.copyOf(fetched.subList(0, limit));
        return new CursorPage<>(
                items,
                CursorPage.encode("item", String.valueOf(items.get(limit - 1).position())));
    }

    /**
     * Records what the actor did with each item, all or none: each must be one of their items (or, for
     * the starter and administrators, one they see) of an open campaign. Moving to the trash goes
     * through the contact's own rules; marking invalid opens a finding {@code invalid.marked}.
     */
    @Transactional
    public List<CampaignItem> act(Actor actor, UUID id, List<ItemAction> actions) {
        CampaignRepository.Row row = row(actor, id);
        if (actions.isEmpty()) {
            throw LiaisonException.invalid("items", "invalid.required");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw LiaisonException.tooMany("items", MAX_ACTIONS);
        }
        if (!"open".equals(row.status())) {
            throw new LiaisonException(HttpStatus.CONFLICT, "review-campaign-closed", row.name());
        }
        Map<UUID, String> byItem = new LinkedHashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            ItemAction a = actions.get(i);
            if (a.itemId() == null) {
                throw LiaisonException.invalid("items[" + i + "].itemId", "invalid.required");
            }
            if (a.action() == null || !ACTIONS.contains(a.action())) {
                throw LiaisonException.invalid("items[" + i + "].action", "invalid.review-action");
            }
            if (byItem.put(a.itemId(), a.action()) != null) {
                throw LiaisonException.invalid("items[" + i + "].itemId", "invalid.review-item-twice");
            }
        }
        var allowed = scope.items(actor, row.startedBy(), false).and(CampaignScope.ids(byItem.keySet()));
        Map<UUID, CampaignItem> found = new LinkedHashMap<>();
        campaigns.items(actor.orgId(), id, allowed, 0, byItem.size()).forEach(item -> found.put(item.id(), item));
        List<UUID> ids = new ArrayList<>(byItem.keySet());
        for (int i = 0; i < ids.size(); i++) {
            if (!found.containsKey(ids.get(i))) {
                throw LiaisonException.invalid("items[" + i + "].itemId", "invalid.review-item");
            }
        }
        Map<String, List<UUID>> byAction = new LinkedHashMap<>();
        byItem.forEach((item, action) -> {
            byAction.computeIfAbsent(action, a -> new ArrayList<>()).add(item);
            UUID contactId = found.get(item).contactId();
            if (action.equals("trash") && !found.get(item).contactTrashed()) {
                contacts.trash(actor, contactId, null);
            } else if (action.equals("invalid")) {
                findings.open(actor.orgId(), new Found(contactId, "invalid", MARKED, Map.of("campaign", row.name())));
            }
        });
        byAction.forEach((action, items) -> campaigns.act(actor.orgId(), id, items, action, actor.memberId()));
        return campaigns.items(actor.orgId(), id, allowed, 0, byItem.size());
    }

    /** Closes the campaign before its deadline: its starter or an administrator. */
    @Transactional
    public Campaign close(Actor actor, UUID id) {
        CampaignRepository.Row row = row(actor, id);
        if (!scope.manages(actor, row.startedBy())) {
            throw LiaisonException.forbidden("forbidden.close-campaign");
        }
        if (!campaigns.close(actor.orgId(), id, actor.memberId(), OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new LiaisonException(HttpStatus.CONFLICT, "review-campaign-closed", row.name());
        }
        summarize(actor.orgId(), id);
        return get(actor, id);
    }

    /** Tells the starter of a campaign just closed what it came to. */
    void summarize(UUID orgId, UUID id) {
        CampaignRepository.Row row =
                campaigns.find(orgId, id, CampaignScope.any()).orElseThrow();
        List<MemberProgress> owners = campaigns.progress(orgId, id, CampaignScope.any());
        int[] sums = new int[5];
        List<String> unfinished = new ArrayList<>();
        for (MemberProgress owner : owners) {
            Campaign.Counts c = owner.counts();
            sums[0] += c.total();
            sums[1] += c.confirmed();
            sums[2] += c.updated();
            sums[3] += c.invalid();
            sums[4] += c.trashed();
            if (c.pending() > 0) {
                unfinished.add(owner.name());
            }
        }
        notices.closed(
                orgId,
                id,
                row.name(),
                row.startedBy(),
                new Campaign.Counts(sums[0], sums[1], sums[2], sums[3], sums[4]),
                unfinished);
    }

    private CampaignRepository.Row row(Actor actor, UUID id) {
        return campaigns
                .find(actor.orgId(), id, scope.campaigns(actor))
                .orElseThrow(() -> LiaisonException.notFound("review-campaign", id));
    }

    private List<Campaign> withCounts(Actor actor, List<CampaignRepository.Row> rows) {
        List<UUID> managed = new ArrayList<>();
        List<UUID> others = new ArrayList<>();
        rows.forEach(r -> (scope.manages(actor, r.startedBy()) ? managed : others).add(r.id()));
        Map<UUID, Campaign.Counts> all = new LinkedHashMap<>(
                campaigns.counts(actor.orgId(), managed, scope.items(actor, actor.memberId(), false)));
        Map<UUID, Campaign.Counts> mine = campaigns.counts(
                actor.orgId(), rows.stream().map(CampaignRepository.Row::id).toList(), scope.mine(actor));
        others.forEach(id -> all.put(id, mine.getOrDefault(id, Campaign.Counts.NONE)));
        return rows.stream()
                .map(r -> new Campaign(
                        r.id(),
                        r.name(),
                        r.note(),
                        r.filter(),
                        r.startedBy(),
                        r.startedByName(),
                        r.startedAt(),
                        r.deadline(),
                        r.status(),
                        r.closedAt(),
                        r.closedBy(),
                        scope.manages(actor, r.startedBy()),
                        all.getOrDefault(r.id(), Campaign.Counts.NONE),
                        mine.getOrDefault(r.id(), Campaign.Counts.NONE)))
                .toList();
    }

    private static String checked(NewCampaign request) {
        List<LiaisonException.FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(LiaisonException.FieldError.of("name", "invalid.length", 1, MAX_NAME));
        }
        if (request.note() != null && request.note().strip().length() > MAX_NOTE) {
            errors.add(LiaisonException.FieldError.of("note", "invalid.length", 0, MAX_NOTE));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (request.deadline() == null) {
            errors.add(LiaisonException.FieldError.of("deadline", "invalid.required"));
        } else if (!request.deadline().isAfter(now) || request.deadline().isAfter(now.plusDays(MAX_DAYS))) {
            errors.add(LiaisonException.FieldError.of("deadline", "invalid.campaign-deadline", MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            throw LiaisonException.invalid(errors);
        }
        return name;
    }

    private static int after(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        List<String> parts = CursorPage.parts(cursor, 2);
        try {
            if (parts.size() == 2 && parts.get(0).equals("item")) {
                return Integer.parseInt(parts.get(1));
            }
        } catch (NumberFormatException e) {
            // answered below, as any cursor that is not one of ours
        }
        throw LiaisonException.invalid("cursor", "invalid.cursor");
    }
}
