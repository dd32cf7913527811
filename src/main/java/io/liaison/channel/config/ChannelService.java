package io.liaison.channel.config;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.ChannelPermissions;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.StandardWebhooks;
import io.liaison.channel.send.Adapters;
import io.liaison.channel.send.ChannelAdapter;
import io.liaison.channel.send.SendResult;
import io.liaison.identity.Actor;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import io.liaison.shared.WebAddresses;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes channel configurations, their secrets encrypted before they are stored. The
 * organization's channels need {@code channel.manage}; a member's personal robots are theirs alone.
 */
@Service
public class ChannelService {

    public static final int MAX_NAME = 100;
    public static final int MAX_URL = 2_000;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_SECRET = 200;
    public static final Set<String> PATCHABLE = Set.of("name", "url", "secret", "enabled");
    private static final Set<ChannelKind> ROBOTS = Set.of(ChannelKind.DINGTALK, ChannelKind.WECOM, ChannelKind.FEISHU);

    private final ChannelRepository channels;
    private final SecretBox secrets;
    private final Adapters adapters;
    private final StoredMessages texts;

    ChannelService(ChannelRepository channels, SecretBox secrets, Adapters adapters, StoredMessages texts) {
        this.channels = channels;
        this.secrets = secrets;
        this.adapters = adapters;
        this.texts = texts;
    }

    /** What a test message gave: {@code sent}, {@code retry}, {@code failed} or {@code skipped}. */
    public record TestAnswer(
            String status,
            @Nullable String answer,
            @Nullable String reason) {}

    @Transactional(readOnly = true)
    public List<ChannelRow> list(Actor actor) {
        return channels.visible(actor.orgId(), actor.memberId(), actor.can(ChannelPermissions.MANAGE));
    }

    /** A channel the actor manages: another member's robot or another organization's id is not found. */
    @Transactional(readOnly = true)
    public ChannelRow get(Actor actor, UUID id) {
        ChannelRow channel = channels.find(actor.orgId(), id)
                .filter(c -> c.deletedAt() == null && c.ownerModule() == null)
                .filter(c -> c.ownerId() == null || c.ownerId().equals(actor.memberId()))
                .orElseThrow(() -> LiaisonException.notFound("channel", id));
        if (channel.ownerId() == null && !actor.can(ChannelPermissions.MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-channels");
        }
        return channel;
    }

    /** Whether the server can send through this kind: e-mail needs SMTP settings. */
    public boolean configured(ChannelKind kind) {
        return adapters.of(kind).isPresent();
    }

    /** Whether the actor manages the channel ({@code null}: an e-mail address, the organization's). */
    public boolean manages(Actor actor, @Nullable UUID ownerId) {
        return ownerId == null ? actor.can(ChannelPermissions.MANAGE) : ownerId.equals(actor.memberId());
    }

    @Transactional
    public ChannelRow create(
            Actor actor,
            @Nullable String name,
            @Nullable String kind,
            @Nullable String url,
            @Nullable String secret,
            @Nullable Boolean enabled,
            boolean personal) {
        ChannelKind parsed = kind(kind);
        if (personal && !ROBOTS.contains(parsed)) {
            throw LiaisonException.invalid("kind", "invalid.personal-channel-kind");
        }
        if (!personal && !actor.can(ChannelPermissions.MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-channels");
        }
        NewChannel channel = new NewChannel(
                personal ? actor.memberId() : null,
                name(name),
                parsed,
                address(parsed, url),
                secret(parsed, secret),
                enabled == null || enabled);
        return create(actor.orgId(), channel);
    }

    @Transactional
    public ChannelRow create(UUID orgId, NewChannel channel) {
        return create(orgId, channel, null);
    }

    /** A channel of the organization, or of {@code ownerModule} (hidden from these pages and the API). */
    @Transactional
    ChannelRow create(UUID orgId, NewChannel channel, @Nullable String ownerModule) {
        UUID id = Ids.newId();
        channels.insert(
                orgId, id, channel, channel.secret() == null ? null : secrets.encrypt(channel.secret()), ownerModule);
        return channels.find(orgId, id).orElseThrow();
    }

    /** A JSON Merge Patch of name, url, secret (null removes it) and enabled. */
    @Transactional
    public ChannelRow update(Actor actor, UUID id, MergePatch patch, @Nullable Long expectedVersion) {
        ChannelRow current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        String secret = current.secret();
        if (patch.has("secret")) {
            String clear = secret(current.kind(), patch.text("secret"));
            secret = clear == null ? null : secrets.encrypt(clear);
        }
        ChannelRow changed = new ChannelRow(
                id,
                current.ownerId(),
                patch.has("name") ? name(patch.text("name")) : current.name(),
                current.kind(),
                patch.has("url") ? address(current.kind(), patch.text("url")) : current.address(),
                secret,
                patch.has("enabled") ? patch.bool("enabled") : current.enabled(),
                current.failures(),
                current.failingSince(),
                current.createdAt(),
                current.updatedAt(),
                null,
                current.version(),
                null,
                current.previousSecret(),
                current.previousUntil());
        if (!channels.update(actor.orgId(), changed, current.version())) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
        return get(actor, id);
    }

    /** Deletes the channel; its delivery log stays, and its queued deliveries end skipped. */
    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        ChannelRow current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        if (!channels.delete(actor.orgId(), id, current.version())) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
    }

    /**
     * Sends a test message, in the actor's language, at once and outside the queue, and answers what
     * the platform said.
     */
    public TestAnswer test(Actor actor, UUID id) {
        ChannelRow channel = get(actor, id);
        String title = texts.text(Message.of("channel.test.title"));
        String text = texts.text(Message.of("channel.test.text"));
        Optional<ChannelAdapter> adapter = adapters.of(channel.kind());
        if (adapter.isEmpty()) {
            return new TestAnswer("skipped", null, texts.text(Message.of("channel.reason.notConfigured")));
        }
        UUID delivery = Ids.newId();
        SendResult result = adapter.get()
                .send(
                        new ChannelLookup.Targets(secrets).of(channel, delivery, delivery.toString()),
                        OutboundMessage.of(title, text));
        String reason = result.reason() == null ? null : texts.text(result.reasonMessage());
        return new TestAnswer(result.outcome().name().toLowerCase(Locale.ROOT), result.answer(), reason);
    }

    private static ChannelKind kind(@Nullable String kind) {
        try {
            if (kind != null) {
                return ChannelKind.ofCode(kind.trim());
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw LiaisonException.invalid(
                "kind",
                "invalid.one-of",
                Arrays.stream(ChannelKind.values()).map(ChannelKind::code).collect(Collectors.joining(", ")));
    }

    static String name(@Nullable String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw LiaisonException.invalid("name", "invalid.length", 1, MAX_NAME);
        }
        return clean;
    }

    static String address(ChannelKind kind, @Nullable String url) {
        String clean = url == null ? "" : url.trim();
        if (kind == ChannelKind.EMAIL) {
            if (clean.length() > MAX_EMAIL || !clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw LiaisonException.invalid("url", "invalid.email");
            }
            return clean;
        }
        if (WebAddresses.isHttp(clean, MAX_URL)) {
            return clean;
        }
        throw LiaisonException.invalid("url", "invalid.channel-url", MAX_URL);
    }

    static @Nullable String secret(ChannelKind kind, @Nullable String secret) {
        String clean = secret == null || secret.isBlank() ? null : secret.trim();
        if (clean != null && clean.length() > MAX_SECRET) {
            throw LiaisonException.invalid("secret", "invalid.max-length", MAX_SECRET);
        }
        if (kind == ChannelKind.WEBHOOK && (clean == null || !StandardWebhooks.isSecret(clean))) {
            throw LiaisonException.invalid("secret", "invalid.webhook-secret");
        }
        return clean;
    }
}
