package io.liaison.identity;

import io.liaison.shared.LiaisonProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a login and password, within the limits on failed attempts per login and per client address.
 * Every attempt is recorded. Not transactional on purpose: a failed attempt must be kept even though
 * the login is refused.
 */
@Service
public class LoginService {

    /** Where the credentials came from: the login page, or HTTP Basic on the token endpoint. */
    public enum Channel {
        FORM,
        BASIC
    }

    private final MemberRepository members;
    private final LoginAttemptRepository attempts;
    private final PasswordEncoder passwords;
    private final LiaisonProperties.Login limits;
    private final String dummyHash;

    LoginService(
            MemberRepository members,
            LoginAttemptRepository attempts,
            PasswordEncoder passwords,
            LiaisonProperties properties) {
        this.members = members;
        this.attempts = attempts;
        this.passwords = passwords;
        this.limits = properties.login();
        this.dummyHash = passwords.encode("no member has this password");
    }

    /**
     * The actor for these credentials. {@code orgCode} may be empty when the login and password match
     * a member of exactly one organization.
     *
     * @throws LoginRefusedException when the credentials match no active member
     * @throws LoginThrottledException when too many attempts failed recently
     */
    public Actor login(@Nullable String orgCode, String login, String password, String address, Channel channel) {
        String name = login == null ? "" : login.trim();
        Optional<Duration> wait = throttled(name, address);
        if (wait.isPresent()) {
            attempts.record(null, name, address, channel, false, true);
            throw new LoginThrottledException(wait.get());
        }
        List<MemberRepository.Credentials> candidates = members.credentials(name).stream()
                .filter(c -> orgCode == null || orgCode.isBlank() || c.code().equalsIgnoreCase(orgCode.trim()))
                .toList();
        if (candidates.isEmpty()) {
            passwords.matches(password == null ? "" : password, dummyHash);
            attempts.record(null, name, address, channel, false, false);
            throw new LoginRefusedException(false);
        }
        List<MemberRepository.Credentials> matching = candidates.stream()
                .filter(c -> password != null && passwords.matches(password, c.passwordHash()))
                .toList();
        UUID orgId = candidates.get(0).orgId();
        if (matching.size() != 1) {
            attempts.record(orgId, name, address, channel, false, false);
            throw new LoginRefusedException(matching.size() > 1);
        }
        MemberRepository.Credentials member = matching.get(0);
        attempts.record(member.orgId(), name, address, channel, true, false);
        return members.actor(member.id()).orElseThrow(() -> new LoginRefusedException(false));
    }

    private Optional<Duration> throttled(String login, String address) {
        LoginAttemptRepository.Window byLogin = attempts.failuresOfLogin(login, limits.window());
        if (byLogin.failures() >= limits.maxFailuresPerLogin()) {
            return byLogin.wait(limits.window());
        }
        LoginAttemptRepository.Window byAddress = attempts.failuresFromAddress(address, limits.window());
        if (byAddress.failures() >= limits.maxFailuresPerAddress()) {
            return byAddress.wait(limits.window());
        }
        return Optional.empty();
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
