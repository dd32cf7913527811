package io.liaison.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guests' invitations ({@code liaison.identity.guest-invitation-validity}, set through {@code
 * LIAISON_GUEST_INVITATION_VALIDITY}): how long an invitation link can be used.
 */
@ConfigurationProperties("liaison.identity")
record GuestSettings(@DefaultValue("7d") Duration guestInvitationValidity) {}
