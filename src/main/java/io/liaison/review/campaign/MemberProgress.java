package io.liaison.review.campaign;

import java.util.UUID;

/** One owner's part of a campaign: their items (by the contacts' current owner) and what was done with them. */
public record MemberProgress(UUID memberId, String name, Campaign.Counts counts) {}
