package io.liaison.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a login and password within the limits on failed attempts ({@link LoginLimits}), and
 * remembers the clients that logged in (device cookies). Every attempt whose password is checked is
 * recorded. Not transactional on purpose: a failed attempt must be kept even though the login is
 * refused.
 */
@Service
public class LoginService {

    private final MemberRepository members;
    private final LoginAttemptRepository attempts;
    private final LoginDeviceRepository devices;
    private final LoginLimits limits;
    private final PasswordEncoder passwords;
    private final LoginSettings settings;
    private final String dummyHash;
    private final TokenService tokens;

    LoginService(
            MemberRepository members,
            LoginAttemptRepository attempts,
            LoginDeviceRepository devices,
            LoginLimits limits,
            PasswordEncoder passwords,
            LoginSettings settings,
            TokenService tokens) {
        this.tokens = tokens;
        this.members = members;
        this.attempts = attempts;
        this.devices = devices;
        this.limits = limits;
        this.passwords = passwords;
        this.settings = settings;
        this.dummyHash = passwords.encode("no member has this password");
    }

    /**
     * The actor for these credentials. {@code orgCode} may be empty when the login and password match
     * a member of exactly one organization. {@code deviceToken} is the client's device cookie, if any:
     * when it is the member's, only that device's own failures count.
     *
     * @throws LoginRefusedException when the credentials match no active member
     * @throws LoginThrottledException when too many attempts failed recently
     */
    public Actor login(
            @Nullable String orgCode,
            String login,
            String password,
            String address,
            @Nullable String deviceToken,
            LoginChannel channel) {
        return login(
                orgCode,
                login,
                address,
                deviceToken,
                channel,
                c -> password != null && passwords.matches(password, c.passwordHash()));
    }

    /**
     * The actor for a login and an app password (a token of scope {@code carddav}), within the same
     * limits on failed attempts as {@link #login}: the login password is never accepted here.
     *
     * @throws LoginRefusedException when the app password is no live one of the login's member
     * @throws LoginThrottledException when too many attempts failed recently
     */
    public Actor appPassword(@Nullable String orgCode, String login, String secret, String address) {
        return login(
                orgCode,
                login,
                address,
                null,
                LoginChannel.CARDDAV,
                c -> secret != null && tokens.isAppPassword(c.orgId(), c.id(), secret));
    }

    private Actor login(
            @Nullable String orgCode,
            String login,
            String address,
            @Nullable String deviceToken,
            LoginChannel channel,
            Predicate<MemberRepository.Credentials> proves) {
        String name = login == null ? "" : login.trim();
        Optional<LoginDeviceRepository.Device> device =
                deviceToken == null ? Optional.empty() : devices.find(deviceToken, settings.deviceLifetime());
        List<MemberRepository.Credentials> candidates = members.credentials(name).stream()
                .filter(c -> orgCode == null || orgCode.isBlank() || c.code().equalsIgnoreCase(orgCode.trim()))
                .toList();
        boolean known = device.isPresent()
                && candidates.stream().anyMatch(c -> c.id().equals(device.get().memberId()));
        if (!known) {
            Optional<Duration> wait = limits.addressWait(address);
            if (wait.isPresent()) {
                throw new LoginThrottledException(wait.get());
            }
        }
        if (candidates.isEmpty()) {
            LoginLimits.Admission admission = limits.admit(null, null, name, address, channel, null);
            if (admission.attempt() == null) {
                throw new LoginThrottledException(admission.retryAfter());
            }
            if (channel != LoginChannel.CARDDAV) {
                // the same work as a member's password takes, so that the time does not tell which logins
                // exist (an app password is checked by a fast hash either way)
                passwords.matches("", dummyHash);
            }
            throw new LoginRefusedException(false);
        }
        Map<MemberRepository.Credentials, UUID> admitted = new LinkedHashMap<>();
        Optional<Duration> wait = Optional.empty();
        for (MemberRepository.Credentials candidate : candidates) {
            LoginLimits.Admission admission = limits.admit(
                    candidate.orgId(), candidate.id(), name, address, channel, deviceOf(device, candidate));
            if (admission.attempt() != null) {
                admitted.put(candidate, admission.attempt());
            } else if (wait.isEmpty() || admission.retryAfter().compareTo(wait.get()) < 0) {
                wait = Optional.ofNullable(admission.retryAfter());
            }
        }
        if (admitted.isEmpty()) {
            throw new LoginThrottledException(wait.orElseThrow());
        }
        List<MemberRepository.Credentials> matching =
                admitted.keySet().stream().filter(proves).toList();
        if (matching.size() == 1) {
            MemberRepository.Credentials member = matching.get(0);
            attempts.succeeded(admitted.get(member));
            return members.actor(member.orgId(), member.id()).orElseThrow(() -> new LoginRefusedException(false));
        }
        if (matching.isEmpty() && wait.isPresent()) {
            // The password may be that of a member whose login this client may not try yet.
            throw new LoginThrottledException(wait.get());
        }
        throw new LoginRefusedException(matching.size() > 1);
    }

    /**
     * The device cookie to give the client after it logged in as {@code actor}: the one it presented
     * when that is the member's, else a new one.
     */
    public String rememberDevice(Actor actor, @Nullable String deviceToken) {
        Optional<LoginDeviceRepository.Device> device =
                deviceToken == null ? Optional.empty() : devices.find(deviceToken, settings.deviceLifetime());
        if (device.isPresent() && device.get().memberId().equals(actor.memberId())) {
            devices.touch(device.get().id());
            return deviceToken;
        }
        return devices.add(actor.orgId(), actor.memberId(), settings.devicesPerMember());
    }

    private static @Nullable UUID deviceOf(
            Optional<LoginDeviceRepository.Device> device, MemberRepository.Credentials candidate) {
        return device.filter(d -> d.memberId().equals(candidate.id()))
                .map(LoginDeviceRepository.Device::id)
                .orElse(null);
    }

    /** The credentials match no active member, or match members of several organizations. */
    public static class LoginRefusedException extends RuntimeException {

        private final boolean ambiguous;

        LoginRefusedException(boolean ambiguous) {
            super(
                    ambiguous
                            ? "This login exists in several organizations; give the organization code."
                            : "Wrong login or password.");
            this.ambiguous = ambiguous;
        }

        public boolean ambiguous() {
            return ambiguous;
        }
    }

    /** Too many failed attempts for this login or from this address; try again after a while. */
    public static class LoginThrottledException extends RuntimeException {

        private final Duration retryAfter;

        LoginThrottledException(Duration retryAfter) {
            super("Too many failed logins; try again in " + retryAfter.toSeconds() + " seconds.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
