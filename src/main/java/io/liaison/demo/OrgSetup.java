package io.liaison.demo;

import io.liaison.shared.Ids;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the contacts hang on: a department tree, demo members (the owners) and tag groups with their
 * tags. Found by name and reused when a previous run created them, so that running twice adds
 * contacts, not a second sales department.
 */
final class OrgSetup {

    static final int MEMBERS = 50;

    /** A tag the contacts may carry; at most one per contact from an exclusive group. */
    record TagRef(UUID id, UUID groupId, boolean exclusive, String name) {}

    record Setup(List<UUID> owners, List<TagRef> tags, int membersCreated, int tagsCreated) {}

    private record GroupPreset(String name, String color, boolean exclusive, List<String> tags) {}

    private static final List<GroupPreset> GROUPS = List.of(
            new GroupPreset("类型", "#2563EB", false, List.of("客户", "潜在客户", "供应商", "合作伙伴", "渠道商", "代理商")),
            new GroupPreset("级别", "#D97706", true, List.of("普通", "重要", "VIP", "沉睡")),
            new GroupPreset("来源", "#059669", false, List.of("官网", "转介绍", "线下活动", "展会", "电话营销", "广告")),
            new GroupPreset("行业", "#7C3AED", false, List.of(Details.INDUSTRIES)),
            new GroupPreset("地区", "#DC2626", true, List.of("华东", "华南", "华北", "华中", "西南", "西北", "东北", "海外")));

    private final Connection connection;
    private final UUID orgId;
    private int tagsCreated;

    OrgSetup(Connection connection, UUID orgId) {
        this.connection = connection;
        this.orgId = orgId;
    }

    Setup prepare(SplittableRandom random) throws SQLException {
        UUID head = department(null, "总部", 0);
        UUID sales = department(head, "销售部", 0);
        List<UUID> teams = List.of(
                department(sales, "华东区", 0),
                department(sales, "华南区", 1),
                department(sales, "华北区", 2),
                department(head, "市场部", 1),
                department(head, "客服部", 2));
        int before = count("SELECT count(*) FROM member WHERE org_id = ? AND login LIKE 'demo-%'");
        List<UUID> owners = members(teams, random);
        List<TagRef> tags = new ArrayList<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            tags.addAll(tags(GROUPS.get(g), g));
        }
        return new Setup(owners, tags, owners.size() - before, tagsCreated);
    }

    private UUID department(@Nullable UUID parent, String name, int sortOrder) throws SQLException {
        UUID found = uuid(
                "SELECT id FROM department WHERE org_id = ? AND parent_id IS NOT DISTINCT FROM ? AND lower(name) = ?",
                orgId,
                parent,
                name);
        if (found != null) {
            return found;
        }
        UUID id = Ids.newId();
        update(
                "INSERT INTO department (id, org_id, parent_id, name, sort_order) VALUES (?, ?, ?, ?, ?)",
                id,
                orgId,
                parent,
                name,
                sortOrder);
        return id;
    }

    /** The demo members demo-01 to demo-50, spread over the teams; missing ones are created. */
    private List<UUID> members(List<UUID> teams, SplittableRandom random) throws SQLException {
        UUID role = uuid("SELECT id FROM role WHERE org_id = ? AND builtin = 'MEMBER'", orgId);
        if (role == null) {
            throw new IllegalStateException("The organization has no built-in MEMBER role");
        }
        // One hash of a random password nobody knows: the members exist to own contacts, not to log in.
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String hash = "{bcrypt}"
                + new BCryptPasswordEncoder().encode(java.util.HexFormat.of().formatHex(secret));
        List<UUID> owners = new ArrayList<>();
        for (int i = 1; i <= MEMBERS; i++) {
            String login = String.format("demo-%02d", i);
            Person person = Person.next(random);
            UUID found = uuid("SELECT id FROM member WHERE org_id = ? AND lower(login) = ?", orgId, login);
            if (found == null) {
                found = Ids.newId();
                update(
                        "INSERT INTO member (id, org_id, login, display_name, role_id, password_hash) VALUES (?, ?, ?, ?, ?, ?)",
                        found,
                        orgId,
                        login,
                        person.name(),
                        role,
                        hash);
                // Sales gets most people: three in five members work in one of its regions.
                UUID team = teams.get(i % 5 < 3 ? i % 3 : 3 + i % 2);
                update(
                        "INSERT INTO member_department (org_id, member_id, department_id) VALUES (?, ?, ?)",
                        orgId,
                        found,
                        team);
            }
            owners.add(found);
        }
        return owners;
    }

    private List<TagRef> tags(GroupPreset preset, int sortOrder) throws SQLException {
        UUID group = uuid("SELECT id FROM tag_group WHERE org_id = ? AND lower(name) = lower(?)", orgId, preset.name());
        boolean exclusive = preset.exclusive();
        if (group == null) {
            group = Ids.newId();
            update(
                    "INSERT INTO tag_group (id, org_id, name, color, sort_order, exclusive) VALUES (?, ?, ?, ?, ?, ?)",
                    group,
                    orgId,
                    preset.name(),
                    preset.color(),
                    10 + sortOrder,
                    exclusive);
        } else {
            exclusive = bool("SELECT exclusive FROM tag_group WHERE id = ?", group);
        }
        List<TagRef> tags = new ArrayList<>();
        for (int t = 0; t < preset.tags().size(); t++) {
            String name = preset.tags().get(t);
            UUID tag = uuid(
                    "SELECT id FROM tag WHERE org_id = ? AND group_id = ? AND lower(name) = lower(?)",
                    orgId,
                    group,
                    name);
            if (tag == null) {
                tag = Ids.newId();
                update(
                        "INSERT INTO tag (id, org_id, group_id, name, sort_order) VALUES (?, ?, ?, ?, ?)",
                        tag,
                        orgId,
                        group,
                        name,
                        100 + t);
                tagsCreated++;
            }
            tags.add(new TagRef(tag, group, exclusive, name));
        }
        return tags;
    }

    private @Nullable UUID uuid(String sql, @Nullable Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }

    private boolean bool(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private int count(String sql) throws SQLException {
        try (PreparedStatement statement = prepare(sql, orgId);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void update(String sql, @Nullable Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, @Nullable Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
