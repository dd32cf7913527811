package io.liaison.identity;

import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.TimeZones;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates organizations, each with its first administrator. */
@Service
public class OrganizationService {

    static final Set<String> LOCALES = Set.of("zh-CN", "en");
    public static final int MAX_NAME = 100;
    public static final String CODE_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final Set<String> SETTINGS = Set.of("maskContactDetails", "timeZone");

    private final OrganizationRepository organizations;
    private final RoleRepository roles;
    private final MemberService members;
    private final ApplicationEventPublisher events;

    OrganizationService(
            OrganizationRepository organizations,
            RoleRepository roles,
            MemberService members,
            ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.roles = roles;
        this.members = members;
        this.events = events;
    }

    /** What {@code POST /orgs} needs: the new organization and the login of its administrator. */
    public record CreateOrganization(
            String name,
            @Nullable String code,
            @Nullable String locale,
            String adminLogin,
            String adminPassword,
            @Nullable String adminDisplayName,
            @Nullable String timeZone) {

        /** An organization in the zone of its language: Asia/Shanghai for Chinese, else UTC. */
        public CreateOrganization(
                String name,
                @Nullable String code,
                @Nullable String locale,
                String adminLogin,
                String adminPassword,
                @Nullable String adminDisplayName) {
            this(name, code, locale, adminLogin, adminPassword, adminDisplayName, null);
        }
    }

    /** The organization and its administrator, as created. */
    public record Created(Organization organization, Member admin) {}

    /** Only the system administrator (the first organization's first administrator) may do this. */
    @Transactional
    public Created create(Actor actor, CreateOrganization command) {
        if (!actor.systemAdmin()) {
            throw LiaisonException.forbidden("forbidden.create-organizations");
        }
        return create(command, actor.memberId(), false);
    }

    @Transactional
    Created create(CreateOrganization command, @Nullable UUID actorId, boolean systemAdmin) {
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw LiaisonException.invalid("name", "invalid.length", 1, MAX_NAME);
        }
        String locale = command.locale() == null ? "zh-CN" : command.locale();
        if (!LOCALES.contains(locale)) {
            throw LiaisonException.invalid("locale", "invalid.locale");
        }
        ZoneId timeZone = command.timeZone() == null
                ? TimeZones.forLocale(locale)
                : TimeZones.checked("timeZone", command.timeZone());
        String code =
                command.code() == null ? codeFor(name) : command.code().trim().toLowerCase(Locale.ROOT);
        if (!code.matches(CODE_PATTERN)) {
            throw LiaisonException.invalid("code", "invalid.organization-code");
        }
        if (organizations.codeTaken(code)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "organization-code-taken", code);
        }
        UUID id = Ids.newId();
        organizations.insert(id, name, code, locale, timeZone);
        roles.insertBuiltins(id, Ids::newId);
        String displayName = command.adminDisplayName() == null ? command.adminLogin() : command.adminDisplayName();
        Member admin = members.createAdministrator(
                id, command.adminLogin(), displayName, command.adminPassword(), systemAdmin);
        events.publishEvent(new OrganizationCreated(id, locale, admin.id(), actorId, name, code, admin.login()));
        return new Created(organizations.find(id).orElseThrow(), admin);
    }

    @Transactional(readOnly = true)
    public Organization get(UUID orgId) {
        return organizations.find(orgId).orElseThrow(() -> LiaisonException.notFound("organization", orgId));
    }

    /** The actor's own organization. */
    @Transactional(readOnly = true)
    public Organization mine(Actor actor) {
        return get(actor.orgId());
    }

    /** Administrators change the organization's settings; each change is audited. */
    @Transactional
    public Organization updateSettings(Actor actor, MergePatch patch) {
        if (!actor.isAdmin()) {
            throw LiaisonException.forbidden("forbidden.change-the-organization-s-settings");
        }
        Organization current = mine(actor);
        if (patch.has("maskContactDetails")) {
            boolean mask = patch.bool("maskContactDetails");
            if (mask != current.maskContactDetails()) {
                organizations.setMasking(actor.orgId(), mask);
                events.publishEvent(new OrganizationSettingChanged(
                        actor.orgId(),
                        actor.memberId(),
                        Map.of("maskContactDetails", current.maskContactDetails()),
                        Map.of("maskContactDetails", mask)));
            }
        }
        if (patch.has("timeZone")) {
            ZoneId zone = TimeZones.checked("timeZone", patch.text("timeZone"));
            if (!zone.getId().equals(current.timeZone())) {
                organizations.setTimeZone(actor.orgId(), zone);
                events.publishEvent(new OrganizationSettingChanged(
                        actor.orgId(),
                        actor.memberId(),
                        Map.of("timeZone", current.timeZone()),
                        Map.of("timeZone", zone.getId())));
            }
        }
        return mine(actor);
    }

    boolean anyExists() {
        return organizations.any();
    }

    private String codeFor(String name) {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 30) {
            slug = slug.substring(0, 30).replaceAll("-+$", "");
        }
        if (slug.length() >= 2 && !organizations.codeTaken(slug)) {
            return slug;
        }
        String prefix = slug.length() >= 2 ? slug + "-" : "org-";
        String candidate;
        do {
            candidate = prefix + Integer.toString(1000 + RANDOM.nextInt(9000));
        } while (organizations.codeTaken(candidate));
        return candidate;
    }
}
