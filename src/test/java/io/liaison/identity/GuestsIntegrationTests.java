package io.liaison.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.shared.LiaisonException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations: the token is shown once and stored hashed; an expired, used or revoked token is
 * refused with a reason; accepting makes a guest with a member's password rules; ending access
 * disables the guest and revokes what is still open, and both events are audited.
 */
@LiaisonIntegrationTest
class GuestsIntegrationTests {

    static final String PASSWORD = "guest-password-1";

    @Autowired
    Guests guests;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    Actor admin;
    UUID contactId;
    UUID scopeId;

    @BeforeEach
    void setUp() {
        admin = PageActors.newOrganizationAdmin(members, organizations, jdbc, "guests", "en");
        contactId = UUID.randomUUID();
        scopeId = UUID.randomUUID();
    }

    static String token(GuestInvitation invitation) {
        return invitation.url().substring(invitation.url().lastIndexOf('/') + 1);
    }

    static String refusal(Runnable call) {
        try {
            call.run();
        } catch (LiaisonException e) {
            return e.status().value() + " " + e.type();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theTokenIsShownOnceInTheUrlAndStoredOnlyAsItsHash() {
        GuestInvitation invitation = guests.invite(admin, contactId, scopeId, "li.lei@example.com");

        assertThat(invitation.url()).matches("http://localhost:8080/guest/join/[A-Za-z0-9_-]{43}");
        assertThat(invitation.expiresAt())
                .isBetween(
                        OffsetDateTime.now().plusDays(7).minusMinutes(1),
                        OffsetDateTime.now().plusDays(7));
        byte[] stored = jdbc.sql("SELECT token_hash FROM guest_invitation WHERE org_id = ? AND id = ?")
                .params(admin.orgId(), invitation.id())
                .query(byte[].class)
                .single();
        assertThat(HexFormat.of().formatHex(stored))
                .isEqualTo(HexFormat.of().formatHex(Guests.hash(token(invitation))));
        String row = jdbc.sql("SELECT row_to_json(i)::text FROM guest_invitation i WHERE org_id = ? AND id = ?")
                .params(admin.orgId(), invitation.id())
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(token(invitation));
    }

    @Test
    void acceptingMakesAGuestOnceAndBothStepsAreAudited() {
        GuestInvitation invitation = guests.invite(admin, contactId, scopeId, "li.lei@example.com");

        Guest guest = guests.accept(token(invitation), "Li Lei", "", PASSWORD);

        assertThat(guest.login()).isEqualTo("li.lei@example.com");
        assertThat(guest.contactId()).isEqualTo(contactId);
        assertThat(guests.login(guest.orgCode(), "LI.LEI@example.com", PASSWORD, "10.88.0.1")
                        .id())
                .isEqualTo(guest.id());
        assertThat(refusal(() -> guests.accept(token(invitation), "Li Lei", "other", PASSWORD)))
                .isEqualTo("410 guest-invitation-used");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE org_id = ? AND action LIKE 'guest.%' ORDER BY at")
                        .param(admin.orgId())
                        .query(String.class)
                        .list())
                .containsExactly("guest.invited", "guest.joined");
    }

    @Test
    void anExpiredRevokedOrUnknownTokenIsRefusedWithItsReason() {
        GuestInvitation expired = guests.invite(admin, contactId, scopeId, null);
        jdbc.sql(
                        "UPDATE guest_invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'"
                                + " WHERE org_id = ? AND id = ?")
                .params(admin.orgId(), expired.id())
                .update();
        GuestInvitation revoked = guests.invite(admin, contactId, scopeId, null);
        guests.revoke(admin, revoked.id());

        assertThat(refusal(() -> guests.accept(token(expired), "Li Lei", "lilei", PASSWORD)))
                .isEqualTo("410 guest-invitation-expired");
        assertThat(refusal(() -> guests.open(token(revoked)))).isEqualTo("410 guest-invitation-revoked");
        assertThat(refusal(() -> guests.accept(token(revoked), "Li Lei", "lilei", PASSWORD)))
                .isEqualTo("410 guest-invitation-revoked");
        assertThat(refusal(() -> guests.accept("no-such-token", "Li Lei", "lilei", PASSWORD)))
                .isEqualTo("404 guest-invitation-unknown");
        assertThat(refusal(() -> guests.revoke(admin, revoked.id()))).isEqualTo("404 guest-invitation-not-found");
        assertThat(jdbc.sql("SELECT count(*) FROM guest WHERE org_id = ?")
                        .param(admin.orgId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aGuestsPasswordFollowsTheMembersRules() {
        GuestInvitation invitation = guests.invite(admin, contactId, scopeId, null);

        assertThatThrownBy(() -> guests.accept(token(invitation), "Li Lei", "lilei", "short"))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors())
                            .extracting(LiaisonException.FieldError::field)
                            .containsExactly("password");
                });
        assertThat(refusal(() -> guests.accept(token(invitation), "Li Lei", "", PASSWORD)))
                .as("no e-mail and no login")
                .isEqualTo("400 validation");
        assertThat(guests.accept(token(invitation), "Li Lei", "lilei", PASSWORD).login())
                .isEqualTo("lilei");
    }

    @Test
    void endingAccessDisablesTheGuestAndRevokesOpenInvitationsForGood() {
        Guest guest = guests.accept(token(guests.invite(admin, contactId, scopeId, null)), "Li Lei", "lilei", PASSWORD);
        GuestInvitation open = guests.invite(admin, contactId, UUID.randomUUID(), null);

        guests.endAccess(admin.orgId(), contactId);

        assertThat(guests.find(admin.orgId(), guest.id())).isEmpty();
        assertThatThrownBy(() -> guests.login(guest.orgCode(), "lilei", PASSWORD, "10.88.0.2"))
                .isInstanceOf(LoginService.LoginRefusedException.class);
        assertThat(refusal(() -> guests.accept(token(open), "Li Lei", "lilei", PASSWORD)))
                .isEqualTo("410 guest-invitation-revoked");
        Guest again = guests.accept(token(guests.invite(admin, contactId, scopeId, null)), "Li Lei", "lilei", PASSWORD);
        assertThat(again.id()).isNotEqualTo(guest.id());
    }

    @Test
    void aContactWithAGuestAccountAcceptsASecondInvitationWithItsCredentials() {
        Guest guest = guests.accept(token(guests.invite(admin, contactId, scopeId, null)), "Li Lei", "lilei", PASSWORD);
        GuestInvitation second = guests.invite(admin, contactId, UUID.randomUUID(), null);

        assertThat(refusal(() -> guests.accept(token(second), "Li Lei", "lilei", "wrong-password-1")))
                .isEqualTo("409 guest-exists");
        assertThat(guests.accept(token(second), "ignored", "lilei", PASSWORD).id())
                .isEqualTo(guest.id());
    }

    @Test
    void guestsFailedLoginsAreLimitedUnderTheirOwnKey() {
        guests.accept(token(guests.invite(admin, contactId, scopeId, null)), "Li Lei", "lilei", PASSWORD);
        String orgCode = orgCodeOf();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guests.login(orgCode, "lilei", "wrong-password", "10.88.1.2"))
                    .isInstanceOf(LoginService.LoginRefusedException.class);
        }

        assertThatThrownBy(() -> guests.login(orgCode, "lilei", PASSWORD, "10.88.1.2"))
                .isInstanceOfSatisfying(
                        LoginService.LoginThrottledException.class,
                        e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60)));
        assertThat(jdbc.sql("SELECT DISTINCT login || ' ' || channel FROM login_attempt WHERE org_id = ?")
                        .param(admin.orgId())
                        .query(String.class)
                        .list())
                .containsExactly("guest:lilei GUEST");
        assertThat(guests.login(orgCode, "lilei", PASSWORD, "10.88.1.3").login())
                .isEqualTo("lilei");
    }

    private String orgCodeOf() {
        return jdbc.sql("SELECT code FROM organization WHERE id = ?")
                .param(admin.orgId())
                .query(String.class)
                .single();
    }
}
