package io.liaison.identity;

import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.Message;
import io.liaison.shared.TimeZones;
import io.liaison.shared.Validation;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members of the actor's organization: administrators manage them, everyone manages their profile. */
@Service
public class MemberService {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;
    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_EMAIL = 254;
    public static final String LOGIN_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$";
    public static final String MOBILE_PATTERN = "^\\+?[0-9][0-9 ()-]{3,24}$";
    /** What a member's role names: a built-in role or a custom role's id. */
    public static final String ROLE_PATTERN =
            "^(ADMIN|MANAGER|MEMBER|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$";

    private static final Pattern LOGIN = Pattern.compile(LOGIN_PATTERN);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MOBILE = Pattern.compile(MOBILE_PATTERN);
    /** The fields a PATCH may carry; only administrators may change the last three. */
    public static final Set<String> PATCHABLE =
            Set.of("displayName", "mobile", "email", "locale", "timeZone", "role", "departmentIds", "password");

    /** The most departments a member may belong to. */
    public static final int MAX_DEPARTMENTS = 100;

    private final MemberRepository members;
    private final DepartmentRepository departments;
    private final RoleService roles;
    private final RoleRepository roleRows;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    MemberService(
            MemberRepository members,
            DepartmentRepository departments,
            RoleService roles,
            RoleRepository roleRows,
            PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        this.members = members;
        this.departments = departments;
        this.roles = roles;
        this.roleRows = roleRows;
        this.passwords = passwords;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public CursorPage<Member> list(Actor actor, MemberFilter filter, @Nullable String cursor, int limit) {
        List<Member> rows = members.page(actor.orgId(), filter, CursorPage.decode(cursor), limit + 1);
        return CursorPage.of(rows, limit, Member::id);
    }

    /** How many active members the organization has; organizations are small enough to count exactly. */
    @Transactional(readOnly = true)
    public int countActive(Actor actor) {
        return members.countActive(actor.orgId());
    }

    @Transactional(readOnly = true)
    public Member get(Actor actor, UUID id) {
        return members.find(actor.orgId(), id).orElseThrow(() -> LiaisonException.notFound("member", id));
    }

    @Transactional
    public Member create(Actor actor, NewMember command) {
        requireManager(actor, "forbidden.create-members");
        Role role = roles.assignable(actor, command.role() == null ? BuiltinRole.MEMBER.name() : command.role());
        NewMember clean = validate(actor.orgId(), command);
        UUID id = Ids.newId();
        members.insert(actor.orgId(), id, clean, role.id(), passwords.encode(clean.password()), false);
        events.publishEvent(new MemberCreated(actor.orgId(), actor.memberId(), id, profile(clean, role)));
        return get(actor, id);
    }

    Member createAdministrator(UUID orgId, String login, String displayName, String password, boolean systemAdmin) {
        NewMember clean = validate(
                orgId,
                new NewMember(login, displayName, null, null, BuiltinRole.ADMIN.name(), List.of(), password),
                "adminLogin",
                "adminPassword");
        UUID id = Ids.newId();
        members.insert(
                orgId,
                id,
                clean,
                roleRows.builtinId(orgId, BuiltinRole.ADMIN),
                passwords.encode(clean.password()),
                systemAdmin);
        return members.find(orgId, id).orElseThrow();
    }

    /**
     * Changes a member. Holders of {@code member.manage} change the profile, role, departments and
     * password of members whose role grants no more than theirs; every member changes their own
     * profile, and only an administrator their own role or departments. An organization always
     * keeps an active administrator.
     */
    @Transactional
    public Member update(Actor actor, UUID id, MergePatch patch, @Nullable Long expectedVersion) {
        Member current = get(actor, id);
        boolean self = actor.memberId().equals(id);
        if (!self) {
            requireManagerOf(actor, current, "forbidden.change-other-members");
        } else if (!actor.isAdmin()) {
            for (String field : List.of("role", "departmentIds", "password")) {
                if (patch.has(field)) {
                    throw LiaisonException.forbidden("forbidden.change-own", Message.of("field." + field));
                }
            }
        }
        LiaisonException.requireVersion(expectedVersion, current.version());
        Validation v = new Validation();
        String displayName =
                patch.has("displayName") ? displayName(v, patch.text("displayName")) : current.displayName();
        String mobile = patch.has("mobile") ? mobile(v, patch.text("mobile")) : current.mobile();
        String email = patch.has("email") ? email(v, patch.text("email")) : current.email();
        String locale = patch.has("locale") ? locale(v, patch.text("locale")) : current.locale();
        String timeZone = patch.has("timeZone") ? timeZone(v, patch.text("timeZone")) : current.timeZone();
        Role newRole = patch.has("role") ? roles.assignable(actor, patch.requiredText("role")) : null;
        List<UUID> depts = patch.has("departmentIds")
                ? departments(v, actor.orgId(), patch.ids("departmentIds"))
                : current.departmentIds();
        String password =
                patch.has("password") ? password(v, "password", patch.text("password"), current.login()) : null;
        v.throwIfInvalid();
        String roleKey = newRole == null ? current.role() : newRole.key();
        if (isAdmin(current) && !BuiltinRole.ADMIN.name().equals(roleKey) && current.active()) {
            requireAnotherAdmin(actor.orgId(), "last-administrator.take-role");
        }
        Member changed = new Member(
                id,
                current.login(),
                displayName,
                mobile,
                email,
                newRole == null ? current.roleId() : newRole.id(),
                roleKey,
                newRole == null ? current.roleName() : newRole.name(),
                depts,
                current.active(),
                current.systemAdmin(),
                locale,
                timeZone,
                current.createdAt(),
                current.updatedAt(),
                current.version());
        if (!members.update(actor.orgId(), changed, current.version())) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
        if (patch.has("departmentIds")) {
            members.replaceDepartments(actor.orgId(), id, depts);
        }
        if (password != null) {
            members.setPassword(actor.orgId(), id, passwords.encode(password));
        }
        Changes changes = changes(current, changed, password != null);
        if (!changes.isEmpty()) {
            events.publishEvent(
                    new MemberUpdated(actor.orgId(), actor.memberId(), id, changes.before(), changes.after()));
        }
        return get(actor, id);
    }

    /** The actor changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        String hash = members.passwordHash(actor.orgId(), actor.memberId()).orElseThrow();
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw LiaisonException.invalid("currentPassword", "invalid.current-password");
        }
        Validation v = new Validation();
        String clean = password(v, "newPassword", newPassword, actor.login());
        v.throwIfInvalid();
        members.setPassword(actor.orgId(), actor.memberId(), passwords.encode(clean));
        events.publishEvent(new MemberPasswordChanged(actor.orgId(), actor.memberId(), actor.memberId()));
    }

    /** The member can no longer log in; their sessions end and their tokens stop working at once. */
    @Transactional
    public Member deactivate(Actor actor, UUID id) {
        Member current = get(actor, id);
        requireManagerOf(actor, current, "forbidden.deactivate-members");
        if (actor.memberId().equals(id)) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "cannot-deactivate-self");
        }
        if (current.active() && isAdmin(current)) {
            requireAnotherAdmin(actor.orgId(), "last-administrator.deactivate");
        }
        members.setActive(actor.orgId(), id, false);
        members.deleteSessions(id);
        events.publishEvent(new MemberDeactivated(actor.orgId(), actor.memberId(), id, current.active()));
        return get(actor, id);
    }

    @Transactional
    public Member activate(Actor actor, UUID id) {
        Member current = get(actor, id);
        requireManagerOf(actor, current, "forbidden.activate-members");
        members.setActive(actor.orgId(), id, true);
        events.publishEvent(new MemberActivated(actor.orgId(), actor.memberId(), id, current.active()));
        return get(actor, id);
    }

    /** The actor for a member id, or empty when the member no longer exists or is deactivated. */
    @Transactional(readOnly = true)
    public Optional<Actor> actor(UUID memberId) {
        return members.actor(memberId);
    }

    /** The actor for a member of a known organization: what each request of a session reloads. */
    @Transactional(readOnly = true)
    public Optional<Actor> actor(UUID orgId, UUID memberId) {
        return members.actor(orgId, memberId);
    }

    /** The organization's active administrators (the built-in role), for what only they are told. */
    @Transactional(readOnly = true)
    public List<UUID> administrators(UUID orgId) {
        return members.activeAdminIds(orgId);
    }

    /** The display names of every member of the actor's organization, those who left included, in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Actor actor) {
        return members.displayNames(actor.orgId());
    }

    /** The display names of those of {@code ids} who are (active, when {@code activeOnly}) members of the actor's organization. */
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Actor actor, Collection<UUID> ids, boolean activeOnly) {
        return ids.isEmpty() ? Map.of() : members.displayNames(actor.orgId(), ids, activeOnly);
    }

    private static Map<String, @Nullable Object> profile(NewMember m, Role role) {
        return Changes.values(
                "login", m.login(),
                "displayName", m.displayName(),
                "mobile", m.mobile(),
                "email", m.email(),
                "role", role.key(),
                "departmentIds", sorted(m.departmentIds()));
    }

    /** What an update changed; a new password only as a marker, as its value must never be recorded. */
    private static Changes changes(Member old, Member now, boolean passwordChanged) {
        return new Changes()
                .field("displayName", old.displayName(), now.displayName())
                .field("mobile", old.mobile(), now.mobile())
                .field("email", old.email(), now.email())
                .field("locale", old.locale(), now.locale())
                .field("timeZone", old.timeZone(), now.timeZone())
                .field("role", old.role(), now.role())
                .field("departmentIds", sorted(old.departmentIds()), sorted(now.departmentIds()))
                .secret("password", passwordChanged);
    }

    private static List<UUID> sorted(List<UUID> ids) {
        return ids.stream().sorted().toList();
    }

    private void requireAnotherAdmin(UUID orgId, String action) {
        if (members.activeAdmins(orgId) <= 1) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "last-administrator", Message.of(action));
        }
    }

    private NewMember validate(UUID orgId, NewMember m) {
        return validate(orgId, m, "login", "password");
    }

    private NewMember validate(UUID orgId, NewMember m, String loginField, String passwordField) {
        Validation v = new Validation();
        String login = m.login() == null ? "" : m.login().trim();
        if (!LOGIN.matcher(login).matches()) {
            v.reject(loginField, "invalid.login");
        }
        String displayName = displayName(v, m.displayName());
        String mobile = mobile(v, m.mobile());
        String email = email(v, m.email());
        List<UUID> depts = departments(v, orgId, m.departmentIds() == null ? List.of() : m.departmentIds());
        String password = password(v, passwordField, m.password(), login);
        v.throwIfInvalid();
        if (members.loginTaken(orgId, login)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "login-taken", login);
        }
        return new NewMember(login, displayName, mobile, email, m.role(), depts, password);
    }

    private static String displayName(Validation v, @Nullable String value) {
        String clean = value == null ? "" : value.trim();
        if (clean.isEmpty() || clean.length() > MAX_DISPLAY_NAME) {
            v.reject("displayName", "invalid.length", 1, MAX_DISPLAY_NAME);
        }
        return clean;
    }

    private static @Nullable String mobile(Validation v, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.trim();
        if (!MOBILE.matcher(clean).matches()) {
            v.reject("mobile", "invalid.phone-format");
        }
        return clean.replaceAll("[ ()-]", "");
    }

    private static @Nullable String email(Validation v, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.trim().toLowerCase(Locale.ROOT);
        if (clean.length() > MAX_EMAIL || !EMAIL.matcher(clean).matches()) {
            v.reject("email", "invalid.email");
        }
        return clean;
    }

    private static @Nullable String locale(Validation v, @Nullable String value) {
        if (value != null && !OrganizationService.LOCALES.contains(value)) {
            v.reject("locale", "invalid.locale");
        }
        return value;
    }

    /** A member's own zone, or none (null or blank) to follow the organization's. */
    private static @Nullable String timeZone(Validation v, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!TimeZones.accepted(value.trim())) {
            v.reject("timeZone", TimeZones.RULE);
        }
        return value.trim();
    }

    private List<UUID> departments(Validation v, UUID orgId, List<UUID> ids) {
        MergePatch.atMost("departmentIds", ids, MAX_DEPARTMENTS);
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        if (!new HashSet<>(departments.existing(orgId, wanted)).containsAll(wanted)) {
            v.reject("departmentIds", "invalid.unknown-departments");
        }
        return List.copyOf(wanted);
    }

    static String password(Validation v, String field, @Nullable String value, String login) {
        String password = value == null ? "" : value;
        if (password.length() < MIN_PASSWORD) {
            v.reject(field, "invalid.min-length", MIN_PASSWORD);
        } else if (password.length() > MAX_PASSWORD) {
            v.reject(field, "invalid.max-length", MAX_PASSWORD);
        } else if (password.equalsIgnoreCase(login)) {
            v.reject(field, "invalid.password-is-login");
        }
        return password;
    }

    private static boolean isAdmin(Member m) {
        return BuiltinRole.ADMIN.name().equals(m.role());
    }

    private static void requireManager(Actor actor, String action) {
        if (!actor.can(IdentityPermissions.MEMBER_MANAGE)) {
            throw LiaisonException.forbidden(action);
        }
    }

    /** Managing a member needs {@code member.manage} and a role at least as strong as theirs. */
    private void requireManagerOf(Actor actor, Member member, String action) {
        requireManager(actor, action);
        Role role = roleRows.find(actor.orgId(), member.roleId()).orElseThrow();
        RoleService.requireWithin(actor, role.permissions(), role.dataScope());
    }
}
