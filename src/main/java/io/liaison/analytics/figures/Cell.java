package io.liaison.analytics.figures;

import java.time.LocalDate;
import java.util.UUID;

/** One member's day: a figure of {@code analytics_member_day} for one metric group. */
record Cell(UUID memberId, LocalDate day) {}
