package io.liaison.identity;

import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.LiaisonProperties;
import io.liaison.shared.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guests: external contacts invited into a conversation. The conversation is an opaque {@code
 * scopeId} here; the module that owns it checks that the inviter may invite into it and listens to
 * {@link GuestInvited} and {@link GuestJoined}. An invitation's token is 32 random bytes shown once
 * in its URL and stored as its SHA-256. Access ends with {@link #endAccess}, for good: nothing
 * reopens it but a new invitation.
 */
@Service
public class Guests {

    /** The longest login a guest may choose: an e-mail address may be that long. */
    public static final int MAX_LOGIN = 254;

    private static final Pattern LOGIN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@+-]{1,253}$");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = "guest:";

    private final GuestRepository guests;
    private final LoginLimits limits;
    private final LoginAttemptRepository attempts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Duration validity;
    private final String baseUrl;
    private final String dummyHash;

    Guests(
            GuestRepository guests,
            LoginLimits limits,
            LoginAttemptRepository attempts,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            GuestSettings settings,
            LiaisonProperties properties) {
        this.guests = guests;
        this.limits = limits;
        this.attempts = attempts;
        this.passwords = passwords;
        this.events = events;
        this.validity = settings.guestInvitationValidity();
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
        this.dummyHash = passwords.encode("no guest has this password");
    }

    /** The name of a guest's sessions, distinct from every member's (a member's is their id). */
    public static String principalName(UUID guestId) {
        return KEY + guestId;
    }

    /**
     * Invites the contact into the conversation {@code scopeId}; the answer's URL holds the token,
     * which is not stored and cannot be shown again. {@code email}, when given, is where the caller
     * sends it, and the guest's login unless they choose another.
     */
    @Transactional
    public GuestInvitation invite(Caller inviter, UUID contactId, UUID scopeId, @Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.trim();
        if (address != null
                && (address.length() > MAX_LOGIN || !EMAIL.matcher(address).matches())) {
            throw LiaisonException.invalid("email", "invalid.email");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = Ids.newId();
        OffsetDateTime expiresAt = OffsetDateTime.now().plus(validity);
        UUID member = inviter instanceof Actor actor ? actor.memberId() : null;
        UUID guest = inviter instanceof Guest g ? g.id() : null;
        guests.insertInvitation(
                inviter.orgId(), id, contactId, scopeId, address, hash(token), member, guest, expiresAt);
        events.publishEvent(
                new GuestInvited(inviter.orgId(), member, id, contactId, scopeId, address, expiresAt, guest));
        return new GuestInvitation(
                inviter.orgId(), id, contactId, scopeId, address, expiresAt, baseUrl + "/guest/join/" + token);
    }

    /** Revokes an open invitation: the inviter's own, or any with the right to manage members. */
    @Transactional
    public void revoke(Actor actor, UUID invitationId) {
        UUID invitedBy = guests.invitedBy(actor.orgId(), invitationId)
                .orElseThrow(() -> LiaisonException.notFound("guest-invitation", invitationId));
        if (!invitedBy.equals(actor.memberId()) && !actor.can(IdentityPermissions.MEMBER_MANAGE)) {
            throw LiaisonException.notFound("guest-invitation", invitationId);
        }
        guests.revoke(actor.orgId(), invitationId);
    }

    /** The open invitations (not used, revoked or expired) into {@code scopeId}, oldest first; at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<OpenInvitation> openIn(UUID orgId, UUID scopeId, int limit) {
        return guests.openIn(orgId, scopeId, limit);
    }

    /**
     * Revokes an open invitation into {@code scopeId}, for the module that owns the scope and has
     * checked that the caller may; false when there is no such open invitation.
     */
    @Transactional
    public boolean revokeIn(UUID orgId, UUID scopeId, UUID invitationId) {
        return guests.revokeIn(orgId, scopeId, invitationId);
    }

    /** The contact's guest account while it has access. */
    @Transactional(readOnly = true)
    public Optional<Guest> ofContact(UUID orgId, UUID contactId) {
        return guests.findByContact(orgId, contactId);
    }

    /**
     * The e-mail of the invitation this token opens (null when it has none), if it can still be
     * accepted; else a problem that says why (unknown, expired, used or revoked).
     */
    @Transactional(readOnly = true)
    public @Nullable String open(String token) {
        return usable(token, false).email();
    }

    /** The language of the organization whose invitation this token is, whatever its state. */
    @Transactional(readOnly = true)
    public Optional<String> language(String token) {
        return guests.invitationByToken(hash(token), false).map(GuestRepository.Invitation::orgLocale);
    }

    /**
     * Accepts an invitation: a new guest with this display name, login (the invitation's e-mail when
     * blank) and password, or, when the contact already has a guest account, that account proved by
     * its login and password. The token is then used up.
     */
    @Transactional
    public Guest accept(String token, String displayName, @Nullable String login, String password) {
        GuestRepository.Invitation invitation = usable(token, true);
        UUID orgId = invitation.orgId();
        Optional<Guest> existing = guests.findByContact(orgId, invitation.contactId());
        UUID guestId;
        if (existing.isPresent()) {
            guestId = existing.get().id();
            String hash = guests.passwordHash(orgId, guestId).orElseThrow();
            if (login == null
                    || !login.trim().equalsIgnoreCase(existing.get().login())
                    || !passwords.matches(password == null ? "" : password, hash)) {
                throw new LiaisonException(HttpStatus.CONFLICT, "guest-exists");
            }
        } else {
            Validation v = new Validation();
            String name = displayName(v, displayName);
            String clean = login == null || login.isBlank()
                    ? (invitation.email() == null ? "" : invitation.email())
                    : login.trim();
            if (!LOGIN.matcher(clean).matches()) {
                v.reject("login", "invalid.guest-login", MAX_LOGIN);
            }
            String pass = MemberService.password(v, "password", password, clean);
            v.throwIfInvalid();
            if (guests.loginTaken(orgId, clean)) {
                throw new LiaisonException(HttpStatus.CONFLICT, "guest-login-taken", clean);
            }
            guestId = Ids.newId();
            guests.insertGuest(orgId, guestId, invitation.contactId(), name, clean, passwords.encode(pass));
        }
        guests.used(orgId, invitation.id(), guestId);
        events.publishEvent(
                new GuestJoined(orgId, guestId, invitation.contactId(), invitation.scopeId(), invitation.id()));
        return guests.find(orgId, guestId).orElseThrow();
    }

    /**
     * Ends the contact's access: their guest account is disabled, their open invitations revoked and
     * every session of theirs deleted in the database, so that the next request on any node is refused.
     */
    @Transactional
    public void endAccess(UUID orgId, UUID contactId) {
        guests.revokeOpen(orgId, contactId);
        guests.deleteSessions(guests.disable(orgId, contactId));
    }

    /** The guest, while they have access; guests' pages reload it on every request. */
    @Transactional(readOnly = true)
    public Optional<Guest> find(UUID orgId, UUID guestId) {
        return guests.find(orgId, guestId);
    }

    /**
     * The guest for these credentials, within the limits on failed logins that members have, counted
     * under a key of guests' own ({@code guest:<login>}).
     *
     * @throws LoginService.LoginRefusedException when they match no guest with access
     * @throws LoginService.LoginThrottledException when too many attempts failed recently
     */
    public Guest login(@Nullable String orgCode, @Nullable String login, @Nullable String password, String address) {
        String name = KEY + (login == null ? "" : login.trim());
        Optional<Duration> wait = limits.addressWait(address);
        if (wait.isPresent()) {
            throw new LoginService.LoginThrottledException(wait.get());
        }
        Optional<UUID> orgId = orgCode == null ? Optional.empty() : guests.orgByCode(orgCode.trim());
        Optional<GuestRepository.Credentials> found =
                orgId.flatMap(org -> guests.credentials(org, name.substring(KEY.length())));
        LoginLimits.Admission admission =
                limits.admit(orgId.orElse(null), null, name, address, LoginChannel.GUEST, null);
        if (admission.attempt() == null) {
            throw new LoginService.LoginThrottledException(admission.retryAfter());
        }
        String given = password == null ? "" : password;
        if (found.isEmpty()) {
            passwords.matches(given, dummyHash);
            throw new LoginService.LoginRefusedException(false);
        }
        if (!passwords.matches(given, found.get().passwordHash())) {
            throw new LoginService.LoginRefusedException(false);
        }
        attempts.succeeded(admission.attempt());
        return guests.find(found.get().orgId(), found.get().id())
                .orElseThrow(() -> new LoginService.LoginRefusedException(false));
    }

    /** The guest renames themselves. */
    @Transactional
    public Guest rename(Guest guest, String displayName) {
        Validation v = new Validation();
        String name = displayName(v, displayName);
        v.throwIfInvalid();
        guests.setDisplayName(guest.orgId(), guest.id(), name);
        return guests.find(guest.orgId(), guest.id()).orElseThrow();
    }

    /** The guest changes their password, proving they know the current one. */
    @Transactional
    public void changePassword(Guest guest, @Nullable String currentPassword, @Nullable String newPassword) {
        String hash = guests.passwordHash(guest.orgId(), guest.id())
                .orElseThrow(() -> LiaisonException.notFound("guest", guest.id()));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw LiaisonException.invalid("currentPassword", "invalid.current-password");
        }
        Validation v = new Validation();
        String clean = MemberService.password(v, "newPassword", newPassword, guest.login());
        v.throwIfInvalid();
        guests.setPassword(guest.orgId(), guest.id(), passwords.encode(clean));
    }

    private GuestRepository.Invitation usable(String token, boolean lock) {
        GuestRepository.Invitation invitation = guests.invitationByToken(hash(token == null ? "" : token), lock)
                .orElseThrow(() -> new LiaisonException(HttpStatus.NOT_FOUND, "guest-invitation-unknown"));
        if (invitation.revokedAt() != null) {
            throw new LiaisonException(HttpStatus.GONE, "guest-invitation-revoked");
        }
        if (invitation.usedAt() != null) {
            throw new LiaisonException(HttpStatus.GONE, "guest-invitation-used");
        }
        if (!invitation.expiresAt().isAfter(OffsetDateTime.now())) {
            throw new LiaisonException(HttpStatus.GONE, "guest-invitation-expired");
        }
        return invitation;
    }

    private static String displayName(Validation v, @Nullable String displayName) {
        String name = displayName == null ? "" : displayName.trim();
        if (name.isEmpty() || name.length() > MemberService.MAX_DISPLAY_NAME) {
            v.reject("displayName", "invalid.length", 1, MemberService.MAX_DISPLAY_NAME);
        }
        return name;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
