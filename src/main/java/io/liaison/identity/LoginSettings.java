package io.liaison.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed logins ({@code liaison.identity.login.*}, set through {@code LIAISON_LOGIN_*} as the README
 * documents). A client without a device
 * cookie of the member is slowed after {@code maxFailuresPerClient} failures for an organization's
 * login from its address, and every such client after {@code maxFailuresPerLogin} failures for
 * that login together: {@code firstDelay}, doubling with each further failure up to {@code
 * maxDelay}. Failures are forgotten after {@code forgetAfter} or a success. A client with a device
 * cookie (kept {@code deviceLifetime}, at most {@code devicesPerMember} a member) is judged by its
 * own failures: after {@code maxFailuresPerDevice} its cookie is void. {@code
 * maxFailuresPerAddress} failures from an address within {@code window} block every login from it
 * without a device cookie. Attempts are kept {@code keepAttempts}. Public only for identity's
 * security configuration; no other module reads it.
 */
@ConfigurationProperties("liaison.identity.login")
public record LoginSettings(
        @DefaultValue("5") int maxFailuresPerClient,
        @DefaultValue("10") int maxFailuresPerLogin,
        @DefaultValue("1m") Duration firstDelay,
        @DefaultValue("1h") Duration maxDelay,
        @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("10") int maxFailuresPerDevice,
        @DefaultValue("180d") Duration deviceLifetime,
        @DefaultValue("10") int devicesPerMember,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("30d") Duration keepAttempts) {}
